//! The wizard's progress header: numbered steps, the current one marked for screen
//! readers with `aria-current="step"`.

use leptos::prelude::*;

/// The progress header.
#[component]
pub fn Stepper(
    /// The step titles, in order.
    #[prop(into)]
    titles: Signal<Vec<String>>,
    /// The current step, 1-based.
    #[prop(into)]
    current: Signal<u8>,
    /// The accessible name of the list.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    view! {
        <ol class="pc-stepper" aria-label=move || label.get()>
            {move || {
                let now = current.get();
                titles
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, title)| {
                        let n = i as u8 + 1;
                        let state = if n < now { "done" } else if n == now { "current" } else { "todo" };
                        view! {
                            <li class=format!("pc-step pc-step-{state}") aria-current=(n == now).then_some("step")>
                                <span class="pc-step-number" aria-hidden="true">{n}</span>
                                <span class="pc-step-title">{title}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}
