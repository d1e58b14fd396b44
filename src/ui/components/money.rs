//! Money as the money pages show it: amounts in the reader's language, payment modes in
//! words, and the invoice (tax) preview that statements and settlements share.

use leptos::prelude::*;

use crate::domain::Cny;
use crate::domain::money::invoice_preview::{InvoiceKind, InvoicePreview};
use crate::domain::money::statement::PaymentMode;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::context::AppContext;
use crate::ui::tr;

/// An amount in the current language (`¥1,234.50` / `CNY 1,234.50`).
pub fn money(amount: Cny) -> String {
    amount.display(AppContext::get().lang.get())
}

/// 增值税专用发票 / 增值税普通发票.
pub fn invoice_kind_name(i18n: I18n, kind: InvoiceKind) -> String {
    match kind {
        InvoiceKind::SpecialVat => t_string!(i18n, money.special_vat),
        InvoiceKind::GeneralVat => t_string!(i18n, money.general_vat),
    }
    .to_string()
}

/// Prepaid / postpaid in words.
pub fn mode_name(i18n: I18n, mode: PaymentMode) -> String {
    match mode {
        PaymentMode::Prepaid => t_string!(i18n, money.prepaid),
        PaymentMode::Postpaid => t_string!(i18n, money.postpaid),
    }
    .to_string()
}

/// The payment-mode choices of a filter.
pub fn mode_options(i18n: I18n) -> Vec<(String, String)> {
    PaymentMode::ALL
        .iter()
        .map(|m| (m.name().to_string(), mode_name(i18n, *m)))
        .collect()
}

/// Special VAT invoice versus general VAT invoice for an amount, side by side, with the
/// written-consent reminder the general invoice needs.
#[component]
pub fn TaxPreview(
    /// The settlement (or month) total the invoice is for.
    #[prop(into)]
    amount: Signal<Cny>,
    /// What the amount is ("2026-03" / "settlement 2026-03").
    #[prop(into)]
    subject: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-card pc-tax" aria-labelledby="pc-tax-heading" data-testid="tax-preview">
            <h2 id="pc-tax-heading">{move || t_string!(i18n, money.tax_heading, subject = subject.get()).to_string()}</h2>
            <p class="pc-alert pc-alert-warn" role="note" data-testid="negative-note" hidden=move || !amount.get().is_negative()>{tr(i18n, |i| t_string!(i, money.negative_note))}</p>
            <div class="pc-tax-grid">
                {move || InvoicePreview::both(amount.get()).into_iter().map(|p| {
                    let general = p.kind == InvoiceKind::GeneralVat;
                    view! {
                        <div class="pc-tax-card" data-kind=if general { "general" } else { "special" }>
                            <h3>{if general { tr(i18n, |i| t_string!(i, money.general_vat)).into_any() } else { tr(i18n, |i| t_string!(i, money.special_vat)).into_any() }}</h3>
                            <dl class="pc-pairs">
                                <dt>{tr(i18n, |i| t_string!(i, money.amount))}</dt><dd class="pc-num" data-testid="tax-amount">{money(p.amount)}</dd>
                                <dt>{if general { tr(i18n, |i| t_string!(i, money.deduction)).into_any() } else { tr(i18n, |i| t_string!(i, money.deduction_none)).into_any() }}</dt><dd class="pc-num" data-testid="tax-deduction">{money(p.deduction)}</dd>
                                <dt>{tr(i18n, |i| t_string!(i, money.net))}</dt><dd class="pc-num" data-testid="tax-net">{money(p.net)}</dd>
                            </dl>
                            <p class="pc-hint">{if general { tr(i18n, |i| t_string!(i, money.general_note)).into_any() } else { tr(i18n, |i| t_string!(i, money.special_note)).into_any() }}</p>
                        </div>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
