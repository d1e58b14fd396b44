//! Moving a sheet on: the partner sends the documents and corrects an abnormal sheet; the
//! provider (the channel manager in local mode) receives, verifies, flags and pays. Each
//! move is dated (the received day starts the payment window) and checked by the
//! domain's state machine.

use leptos::prelude::*;

use super::save::SheetSaver;
use super::words::state_name;
use crate::domain::Cny;
use crate::domain::common::text::parse_date;
use crate::domain::common::transition::TransitionError;
use crate::domain::money::settlement::{
    MoveRefused, SettlementMove, SettlementSheet, SettlementState,
};
use crate::i18n::*;
use crate::ui::components::form_state::FormState;
use crate::ui::components::time::today;
use crate::ui::components::{
    Busy, Notice, TextField, focus_by_id, money_message, transition_message,
};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The two fields of a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum MoveField {
    /// The day the move took effect.
    Date,
    /// Why a sheet is abnormal.
    Reason,
    /// The amount paid (the move to paid).
    Paid,
}

impl MoveField {
    fn id(self) -> &'static str {
        match self {
            MoveField::Date => "settle-date",
            MoveField::Reason => "settle-reason",
            MoveField::Paid => "settle-paid",
        }
    }
}

/// The moves the current role can make on the sheet.
#[component]
pub(super) fn SheetActions(sheet: SettlementSheet, saver: SheetSaver) -> impl IntoView {
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
    // What the provider is expected to pay: the invoice's net, else the sheet's amount.
    let paid = RwSignal::new(
        sheet
            .expected_net()
            .unwrap_or_else(|| sheet.amount())
            .amount()
            .to_string(),
    );
    // The domain refuses a move as a whole; its reason shows at the field it concerns
    // until that is edited.
    let fields = FormState::<MoveField>::new();
    let error = move |field: MoveField| fields.error(field, || false, || None);
    let refuse = move |field: MoveField, message: String| {
        fields.outside.set(vec![(field, message)]);
        focus_by_id(field.id());
    };
    let edit = move |signal: RwSignal<String>| {
        Callback::new(move |v| {
            signal.set(v);
            fields.edited();
        })
    };
    let needs_reason = moves.contains(&SettlementState::Abnormal);
    let pays = moves.contains(&SettlementState::Paid);
    let sheet = StoredValue::new(sheet);
    let busy = Busy::new();
    let act = move |to: SettlementState| {
        let label = t_string!(i18n, settle.action_date).to_string();
        let Some(on) = parse_date(&date.get_untracked()) else {
            let message = t_string!(i18n, srebate.bad_date, field = label);
            return refuse(MoveField::Date, message.to_string());
        };
        let paid_amount = if to == SettlementState::Paid {
            let label = t_string!(i18n, settle.paid_amount).to_string();
            match Cny::parse(&paid.get_untracked()) {
                Ok(amount) => Some(amount),
                Err(e) => return refuse(MoveField::Paid, money_message(i18n, &e, label)),
            }
        } else {
            None
        };
        let mut next = sheet.get_value();
        let mv = SettlementMove {
            to,
            on,
            reason: Some(reason.get_untracked()),
            paid: paid_amount,
        };
        match next.make_move(today(), ctx.actor(), mv, chrono::Utc::now()) {
            Err(MoveRefused::InFuture) => {
                let message = t_string!(i18n, settle.date_future, field = label);
                return refuse(MoveField::Date, message.to_string());
            }
            Err(MoveRefused::BeforeMonth { earliest }) => {
                let month = earliest.to_string();
                let message = t_string!(i18n, settle.date_before, field = label, month = month);
                return refuse(MoveField::Date, message.to_string());
            }
            Err(MoveRefused::Transition(TransitionError::ReasonRequired)) => {
                let field = t_string!(i18n, settle.reason).to_string();
                let message = t_string!(i18n, valid.required, field = field);
                return refuse(MoveField::Reason, message.to_string());
            }
            Err(MoveRefused::PaidAmountRequired) => {
                let field = t_string!(i18n, settle.paid_amount).to_string();
                let message = t_string!(i18n, valid.required, field = field);
                return refuse(MoveField::Paid, message.to_string());
            }
            Err(MoveRefused::NotTheirs { .. }) => {
                let message = t_string!(i18n, error.not_allowed).to_string();
                return saver.status.set(Some(Notice::Problem(message)));
            }
            Err(MoveRefused::Transition(e)) => {
                let message = transition_message(i18n, &e);
                return saver.status.set(Some(Notice::Problem(message)));
            }
            Ok(()) => fields.reset(),
        }
        let moved = t_string!(i18n, settle.moved, state = state_name(i18n, next.state)).to_string();
        busy.run(saver.save(ctx.backend(), next, Some(moved)));
    };
    Some(view! {
        <section class="pc-card pc-no-print" aria-labelledby="pc-settle-actions">
            <h2 id="pc-settle-actions">{tr(i18n, |i| t_string!(i, settle.actions))}</h2>
            <div class="pc-filters">
                <TextField id="settle-date" kind="date" label=Signal::derive(move || t_string!(i18n, settle.action_date).to_string())
                    value=date on_input=edit(date) error=error(MoveField::Date) required=true/>
                {needs_reason.then(|| view! {
                    <TextField id="settle-reason" label=Signal::derive(move || t_string!(i18n, settle.reason).to_string())
                        value=reason on_input=edit(reason) error=error(MoveField::Reason)
                        hint=Signal::derive(move || t_string!(i18n, settle.reason_hint).to_string())/>
                })}
                {pays.then(|| view! {
                    <TextField id="settle-paid" kind="text" label=Signal::derive(move || t_string!(i18n, settle.paid_amount).to_string())
                        value=paid on_input=edit(paid) error=error(MoveField::Paid)
                        hint=Signal::derive(move || t_string!(i18n, settle.paid_hint).to_string())/>
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
