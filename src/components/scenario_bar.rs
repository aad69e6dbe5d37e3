//! The scenario toolbar: name, undo/redo, save, share link, scenario files.

use eduplan_model::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::components::notice_bar::scenario_error_text;
use crate::context::use_ctx;
use crate::persist;
use crate::state::{Action, Message};

#[function_component]
pub fn ScenarioBar() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let copied = use_state(|| None::<(bool, String)>);
    let st = &ctx.state;

    let on_name = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            // the box shows the name as kept (cleaned, cut), even when unchanged
            let name = crate::state::clean_name(&input.value());
            ctx.dispatch(Action::SetName(name.clone()));
            input.set_value(&name);
        })
    };
    let act = |a: Action| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(a.clone()))
    };
    let on_save = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let name = ctx.state.scenario.name.clone();
            ctx.dispatch(Action::SaveAs(name));
        })
    };
    let on_copy = {
        let ctx = ctx.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let url = persist::share_url(&ctx.state);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy_text(&url).await;
                copied.set(Some((ok, url)));
            });
        })
    };
    let on_export = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let sc = &ctx.state.scenario;
            if let Ok(text) = serde_json::to_string_pretty(sc) {
                let _ = browser::download(
                    &format!("{}.json", crate::context::file_stem(&sc.name, "eduplan-scenario")),
                    "application/json",
                    text.as_bytes(),
                );
            }
        })
    };
    let on_import = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // the runner's reader: the same encodings, the same errors
                let t = ctx.t();
                let result = match browser::read_bytes(&file).await {
                    Some(bytes) => Scenario::from_file_bytes(&bytes)
                        .and_then(|s| s.validate(&ctx.dataset).map(|_| s))
                        .map_err(|e| scenario_error_text(&e, t, ctx.lang())),
                    None => Err(t.file_unreadable.replace("{file}", &file.name())),
                };
                match result {
                    Ok(s) => {
                        // the same rule as a link: values snapped to each lever's grid, with notices
                        let (mut s, notices) = eduplan_model::codec::adapt(&s, &ctx.dataset);
                        if s.name.is_empty() {
                            s.name = file.name().trim_end_matches(".json").to_string();
                        }
                        let name = crate::state::clean_name(&s.name);
                        s.name = name.clone();
                        ctx.dispatch(Action::Load(s));
                        let mut msgs = vec![Message::Imported(name)];
                        msgs.extend(notices.into_iter().map(Message::Fitted));
                        ctx.dispatch(Action::Notify(msgs));
                    }
                    Err(why) => ctx.dispatch(Action::Notify(vec![Message::ImportFailed(why)])),
                }
            });
        })
    };

    let busy = use_state(|| false);
    let on_xlsx = {
        let ctx = ctx.clone();
        let busy = busy.clone();
        Callback::from(move |_| {
            let ctx = ctx.clone();
            let busy = busy.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = crate::exports::download_xlsx(&ctx).await {
                    ctx.dispatch(Action::Notify(vec![Message::ExportFailed(e)]));
                }
                busy.set(false);
            });
        })
    };
    let on_csv = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            if let Err(e) = crate::exports::download_csv(&ctx) {
                ctx.dispatch(Action::Notify(vec![Message::ExportFailed(e)]));
            }
        })
    };
    // build the brief first (it listens for beforeprint), print once it is drawn
    let on_print = Callback::from(move |_| {
        // WeChat's browser cannot print: say how to open the page elsewhere
        if browser::blocked_in_wechat(t.print_brief, || None) {
            return;
        }
        if let Some(w) = web_sys::window() {
            if let Ok(e) = web_sys::Event::new("beforeprint") {
                let _ = w.dispatch_event(&e);
            }
            let print = wasm_bindgen::closure::Closure::once_into_js(|| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            });
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(wasm_bindgen::JsCast::unchecked_ref(&print), 50);
        }
    });
    let on_present = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Slide(0)))
    };
    // the name box keeps what is being typed through other re-renders (field.rs)
    let name_box = crate::components::field::use_field_value(st.scenario.name.clone());
    // not the bundled figures: the receiver needs the same files (the link names them by checksum)
    let r = &st.data_ref;
    let imported = !eduplan_model::summary::same_figures(&r.id, &r.hash, eduplan_model::summary::DEFAULT_DATASET_HASH);
    html! {
        // a named region: the toolbar is a landmark's content, not loose on the page
        <section class="scenario-tools" aria-label={t.scenario_tools}>
        <div class="scenario-bar" role="toolbar" aria-label={t.scenarios}>
            <label class="scenario-name">
                <span class="visually-hidden">{ t.scenario_name }</span>
                <input type="text" ref={name_box} placeholder={t.untitled} onchange={on_name}
                    maxlength="120" aria-label={t.scenario_name} id="scenario-name" />
            </label>
            <button type="button" class="tool undo" onclick={act(Action::Undo)} disabled={!st.can_undo()} title="Ctrl+Z">{ "↶ " }{ t.undo }</button>
            <button type="button" class="tool redo" onclick={act(Action::Redo)} disabled={!st.can_redo()} title="Ctrl+Shift+Z">{ "↷ " }{ t.redo }</button>
            <button type="button" class="tool save" onclick={on_save}>{ t.save_new }</button>
            <button type="button" class="tool copy-link" onclick={on_copy}>{ t.copy_link }</button>
            <button type="button" class="tool export" onclick={on_export}>{ t.export_json }</button>
            <label class="tool import">
                { t.import_json }
                <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_import} aria-label={t.import_json} />
            </label>
            <span class="tool-sep" aria-hidden="true"></span>
            <button type="button" class="tool xlsx" onclick={on_xlsx} disabled={*busy}>{ if *busy { t.exporting } else { t.export_xlsx } }</button>
            <button type="button" class="tool csv" onclick={on_csv}>{ t.export_csv }</button>
            <button type="button" class="tool print" onclick={on_print}>{ t.print_brief }</button>
            <button type="button" class="tool present" onclick={on_present}>{ "▶ " }{ t.present }</button>
            if let Some((ok, url)) = &*copied {
                <span class={classes!("copy-feedback", (!ok).then_some("manual"))} role="status">
                    { if *ok { t.link_copied } else { t.link_copy_manual } }
                    <input type="text" readonly=true value={url.clone()} class="share-url" aria-label={t.copy_link}
                        onfocus={Callback::from(|e: FocusEvent| { let i: HtmlInputElement = e.target_unchecked_into(); i.select(); })} />
                    // a link carries the scenario, not the data: say so when the data was imported
                    if imported { <span class="link-needs-data">{ t.link_needs_data }</span> }
                </span>
            }
        </div>
        </section>
    }
}
