//! Shown instead of the workspace when the dataset cannot be loaded.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DatasetErrorProps {
    pub message: String,
}

#[function_component]
pub fn DatasetError(props: &DatasetErrorProps) -> Html {
    let (zh, en) = (Lang::Zh.strings(), Lang::En.strings());
    html! {
        <main class="dataset-error" role="alert">
            <h1>{ zh.app_title }{ " · " }{ en.app_title }</h1>
            <p><strong>{ zh.dataset_error }{ " · " }{ en.dataset_error }</strong></p>
            <code>{ &props.message }</code>
        </main>
    }
}
