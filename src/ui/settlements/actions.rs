//! Moving a sheet on: the partner sends the documents and corrects an abnormal sheet; the
//! provider (the channel manager in local mode) receives, verifies, flags and pays. Each
//! move is dated (the received day starts the payment window) and checked by the
//! domain's state machine.

use crate::ui::components::Notice;
use crate::ui::components::Status;
use leptos::prelude::*;

use super::words::state_name;
use crate::data::money::save_settlement;
use crate::domain::common::text::parse_date;
use crate::domain::common::transition::TransitionError;
use crate::domain::money::settlement::{
    MoveRefused, SettlementMove, SettlementSheet, SettlementState,
};
use crate::i18n::*;
use crate::ui::components::time::today;
use crate::ui::components::{Busy, TextField, error_message, focus_by_id, transition_message};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The moves the current role can make on the sheet.
#[component]
pub(super) fn SheetActions(
    sheet: SettlementSheet,
    on_saved: Callback<SettlementSheet>,
    status: Status,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let role = ctx.session.with_untracked(|s| s.role);
    let moves: Vec<SettlementState> = sheet
        .state
        .next_states()
        .iter()
        .copied()
        .filter(|to| to.moved_by(role))
        .collect();
    if moves.is_empty() {
        return None;
    }
    let date = RwSignal::new(today().to_string());
    let reason = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<String>);
    let reason_error = RwSignal::new(None::<String>);
    let needs_reason = moves.contains(&SettlementState::Abnormal);
    let sheet = StoredValue::new(sheet);
    let busy = Busy::new();
    let act = move |to: SettlementState| {
        let label = t_string!(i18n, settle.action_date).to_string();
        let date_refused = |message: String| {
            date_error.set(Some(message));
            focus_by_id("settle-date");
        };
        let Some(on) = parse_date(&date.get_untracked()) else {
            return date_refused(t_string!(i18n, srebate.bad_date, field = label).to_string());
        };
        let mut next = sheet.get_value();
        let actor = ctx.actor();
        let mv = SettlementMove {
            to,
            on,
            reason: Some(reason.get_untracked()),
        };
        match next.make_move(today(), actor, mv, chrono::Utc::now()) {
            Err(MoveRefused::InFuture) => {
                return date_refused(
                    t_string!(i18n, settle.date_future, field = label).to_string(),
                );
            }
            Err(MoveRefused::BeforeMonth { earliest }) => {
                let month = earliest.to_string();
                return date_refused(
                    t_string!(i18n, settle.date_before, field = label, month = month).to_string(),
                );
            }
            Err(MoveRefused::Transition(TransitionError::ReasonRequired)) => {
                date_error.set(None);
                let field = t_string!(i18n, settle.reason).to_string();
                reason_error.set(Some(
                    t_string!(i18n, valid.required, field = field).to_string(),
                ));
                focus_by_id("settle-reason");
                return;
            }
            Err(MoveRefused::NotTheirs { .. }) => {
                status.set(Some(Notice::Problem(
                    t_string!(i18n, error.not_allowed).to_string(),
                )));
                return;
            }
            Err(MoveRefused::Transition(e)) => {
                status.set(Some(Notice::Problem(transition_message(i18n, &e))));
                return;
            }
            Ok(()) => {
                date_error.set(None);
                reason_error.set(None);
            }
        }
        let backend = ctx.backend();
        busy.run(async move {
            match save_settlement(&*backend, &next).await {
                Ok(()) => {
                    status.set(Some(Notice::Done(
                        t_string!(i18n, settle.moved, state = state_name(i18n, next.state))
                            .to_string(),
                    )));
                    // The page may have gone while the server answered.
                    let _ = on_saved.try_run(next);
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    Some(view! {
        <section class="pc-card pc-no-print" aria-labelledby="pc-settle-actions">
            <h2 id="pc-settle-actions">{tr(i18n, |i| t_string!(i, settle.actions))}</h2>
            <div class="pc-filters">
                <TextField id="settle-date" kind="date" label=Signal::derive(move || t_string!(i18n, settle.action_date).to_string())
                    value=date on_input=Callback::new(move |v| date.set(v)) error=date_error required=true/>
                {needs_reason.then(|| view! {
                    <TextField id="settle-reason" label=Signal::derive(move || t_string!(i18n, settle.reason).to_string())
                        value=reason on_input=Callback::new(move |v| reason.set(v)) error=reason_error
                        hint=Signal::derive(move || t_string!(i18n, settle.reason_hint).to_string())/>
                })}
            </div>
            <div class="pc-actions">
                {moves.into_iter().map(|to| view! {
                    <button type="button" class=if to == SettlementState::Abnormal { "pc-button pc-button-danger" } else { "pc-button" }
                        on:click=move |_| act(to)>
                        {move || t_string!(i18n, settle.move_to, state = state_name(i18n, to)).to_string()}
                    </button>
                }).collect_view()}
            </div>
        </section>
    })
}
