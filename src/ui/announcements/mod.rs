//! `/announcements` and `/announcements/:id`: channel-policy announcements, newest first,
//! unread ones marked (read state is kept per browser in the settings); the channel
//! manager posts new ones in local mode. Bodies are plain text, rendered as text.

use crate::data::Collection;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use crate::ui::router::Link;
use crate::ui::router::Router;
use leptos::prelude::*;

use crate::data::partner::{load_announcements, save_announcement};
use crate::domain::Permission;
use crate::domain::partner::announcement::{Announcement, AnnouncementField, check};
use crate::i18n::*;
use crate::ui::components::time::local_minute;
use crate::ui::components::{Busy, Status, StatusLine, TextField, error_message, focus_by_id};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The announcements and which of them this browser has read.
fn use_announcements(status: Status) -> (RwSignal<Vec<Announcement>>, RwSignal<Vec<String>>) {
    let list = RwSignal::new(Vec::<Announcement>::new());
    let read = RwSignal::new(Vec::<String>::new());
    use_load(
        &[Collection::Announcements],
        status,
        |backend| async move {
            let found = load_announcements(&*backend).await?;
            Ok((found, backend.settings().await.ok()))
        },
        move |(found, settings)| {
            list.set(found);
            if let Some(s) = settings {
                read.set(s.read_announcements);
            }
        },
    );
    (list, read)
}

/// The list (and, for the channel manager, the form to post one).
#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let status: Status = RwSignal::new(None);
    let (list, read) = use_announcements(status);
    let may_post = ctx.may_any(&[Permission::Review]);
    view! {
        <section class="pc-page" aria-labelledby="pc-ann-heading">
            <h1 id="pc-ann-heading">{tr(i18n, |i| t_string!(i, ann.heading))}</h1>
            <StatusLine message=status/>
            <p class="pc-hint" hidden=move || !list.with(Vec::is_empty)>{tr(i18n, |i| t_string!(i, ann.empty))}</p>
            <ul class="pc-announcements" data-testid="announcements">
                {move || list.get().into_iter().map(|a| {
                    let unread = !read.with(|r| r.contains(&a.id));
                    let href = format!("{base}/announcements/{}", a.id);
                    let title = a.title.clone();
                    view! {
                        <li class:pc-unread=unread>
                            <Link href=href>{title}</Link>
                            " "<span class="pc-hint">{local_minute(a.published_at)}</span>
                            {unread.then(|| view! { " "<span class="pc-badge-state pc-tone-progress" data-testid="unread">{tr(i18n, |i| t_string!(i, ann.unread))}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || may_post.get().then(|| view! { <PostForm list status/> })}
        </section>
    }
}

#[component]
fn PostForm(list: RwSignal<Vec<Announcement>>, status: Status) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let missing = RwSignal::new(Vec::<AnnouncementField>::new());
    let error_of = move |f: AnnouncementField, label: fn(crate::ui::I18n) -> &'static str| {
        Signal::derive(move || {
            missing.with(|m| m.contains(&f)).then(|| {
                t_string!(i18n, valid.required, field = label(i18n).to_string()).to_string()
            })
        })
    };
    let busy = Busy::new();
    let post = move |_| {
        let (t, b) = (title.get_untracked(), body.get_untracked());
        let problems = check(&t, &b);
        if let Some(first) = problems.first() {
            focus_by_id(if *first == AnnouncementField::Title {
                "ann-title"
            } else {
                "ann-body"
            });
            missing.set(problems);
            return;
        }
        missing.set(Vec::new());
        let now = chrono::Utc::now();
        let announcement = Announcement {
            id: format!("a{}", now.timestamp_millis()),
            title: t.trim().to_string(),
            body: b.trim().to_string(),
            published_at: now,
            author: ctx.actor().name,
        };
        let backend = ctx.backend();
        busy.run(async move {
            match save_announcement(&*backend, &announcement).await {
                Ok(()) => {
                    // Clear only what was posted: text typed while the server answered
                    // is the next announcement.
                    // (try_: the page may have gone while the server answered.)
                    if title.try_with_untracked(|t| t.trim() == announcement.title) == Some(true) {
                        title.set(String::new());
                    }
                    if body.try_with_untracked(|b| b.trim() == announcement.body) == Some(true) {
                        body.set(String::new());
                    }
                    list.update(|l| l.insert(0, announcement));
                    status.set(Some(Notice::Done(t_string!(i18n, ann.posted).to_string())));
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-ann-post">
            <h2 id="pc-ann-post">{tr(i18n, |i| t_string!(i, ann.post_heading))}</h2>
            <TextField id="ann-title" label=Signal::derive(move || t_string!(i18n, ann.title).to_string())
                value=title on_input=Callback::new(move |v| title.set(v)) error=error_of(AnnouncementField::Title, |i| t_string!(i, ann.title)) required=true/>
            <div class="pc-field">
                <label class="pc-label" for="ann-body">{tr(i18n, |i| t_string!(i, ann.body))}{crate::ui::components::field::required_mark(true)}</label>
                <textarea id="ann-body" rows="6" aria-required="true" aria-describedby="ann-body-error"
                    aria-invalid=move || if missing.with(|m| m.contains(&AnnouncementField::Body)) { "true" } else { "false" }
                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                <p id="ann-body-error" class="pc-field-error">{error_of(AnnouncementField::Body, |i| t_string!(i, ann.body))}</p>
            </div>
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=post disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr(i18n, |i| t_string!(i, ann.post))}</button>
            </div>
        </section>
    }
}

/// One announcement; opening it marks it read in this browser.
#[component]
pub fn AnnouncementDetailPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let router = Router::get();
    let id = move || router.id().unwrap_or_default();
    let status: Status = RwSignal::new(None);
    let (list, read) = use_announcements(status);
    let shown = move || list.with(|l| l.iter().find(|a| a.id == id()).cloned());
    Effect::new(move |_| {
        let Some(a) = shown() else { return };
        if read.with_untracked(|r| r.contains(&a.id)) {
            return;
        }
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            if let Ok(mut s) = backend.settings().await {
                s.read_announcements.push(a.id.clone());
                if backend.save_settings(&s).await.is_ok() {
                    read.set(s.read_announcements);
                }
            }
        });
    });
    view! {
        <section class="pc-page" aria-labelledby="pc-ann-detail">
            <p><Link href=format!("{base}/announcements")>{tr(i18n, |i| t_string!(i, ann.back))}</Link></p>
            <StatusLine message=status/>
            {move || match shown() {
                Some(a) => view! {
                    <article class="pc-card" data-testid="announcement">
                        <h1 id="pc-ann-detail">{a.title.clone()}</h1>
                        <p class="pc-hint">{local_minute(a.published_at)}" · "{crate::ui::components::actor_text(i18n, &crate::domain::common::transition::Actor { role: crate::domain::Role::ChannelManager, name: a.author.clone() })}</p>
                        <p class="pc-prewrap">{a.body.clone()}</p>
                    </article>
                }.into_any(),
                None => view! { <h1 id="pc-ann-detail">{tr(i18n, |i| t_string!(i, ann.heading))}</h1> }.into_any(),
            }}
        </section>
    }
}
