//! The profile's change history, newest first.

use leptos::prelude::*;

use crate::domain::onboarding::application_form::FormField;
use crate::domain::partner::profile::ChangeRecord;
use crate::i18n::*;
use crate::ui::apply::labels::field_label;
use crate::ui::components::time::local_minute;
use crate::ui::tr;

/// The history table.
#[component]
pub(super) fn History(history: RwSignal<Vec<ChangeRecord>>) -> impl IntoView {
    let i18n = use_i18n();
    // A file id means nothing to a reader: say a new file was uploaded.
    let shown = move |field: FormField, value: String| {
        if field == FormField::BankProof && !value.is_empty() {
            t_string!(i18n, profile.file).to_string()
        } else if value.is_empty() {
            "—".to_string()
        } else if field == FormField::BankAccountNumber {
            // A history is read by others too: the number by its last four digits.
            crate::domain::common::contact::masked_account(&value)
        } else {
            value
        }
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-profile-history">
            <h2 id="pc-profile-history">{tr(i18n, |i| t_string!(i, profile.history))}</h2>
            <p class="pc-hint" hidden=move || !history.with(Vec::is_empty)>{tr(i18n, |i| t_string!(i, profile.history_empty))}</p>
            <table class="pc-table" data-testid="profile-history" hidden=move || history.with(Vec::is_empty)>
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, profile.h_when))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, profile.h_field))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, profile.h_old))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, profile.h_new))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, profile.h_who))}</th>
                </tr></thead>
                <tbody>
                    {move || history.get().into_iter().map(|c| view! {
                        <tr>
                            <td>{local_minute(c.at)}</td>
                            <td>{field_label(i18n, c.field)}</td>
                            <td>{shown(c.field, c.old.clone())}</td>
                            <td>{shown(c.field, c.new.clone())}</td>
                            <td>{crate::ui::components::actor_text(i18n, &c.by)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
