//! Meeting exports: the workbook as XLSX (written by a worker started on the
//! first export, so the main module never carries the XLSX writer), the
//! projections as CSV, and a chart as SVG or PNG.

use eduplan_model::export::{self, Workbook};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser;
use crate::context::Ctx;

/// Today as YYYY-MM-DD (the browser's local date).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The workbook of the working scenario, with every school at the horizon
/// (the schools view's table).
pub fn workbook(ctx: &Ctx) -> Workbook {
    let mut wb = export::workbook(
        &ctx.dataset,
        &ctx.state.scenario,
        &ctx.current,
        &ctx.baseline,
        ctx.lang().locale(),
        &today(),
    );
    let (schools, _) = eduplan_model::schools::table(&ctx.dataset, &ctx.state.scenario, Default::default());
    let year = schools.years.last().copied().unwrap_or(ctx.dataset.horizon);
    wb.sheets.push(crate::components::schools_panel::schools_sheet(
        ctx, &schools, year, None,
    ));
    wb.sheets.push(briefing_sheet(ctx));
    wb
}

/// The briefing points as a sheet: one point a row, numbered, then the comparison's.
fn briefing_sheet(ctx: &Ctx) -> eduplan_model::export::Sheet {
    use eduplan_model::export::Cell;
    let b = crate::briefing::compute(ctx);
    let (title, compare_title) = b.titles();
    let numbered = |points: &[String]| -> Vec<Vec<Cell>> {
        points
            .iter()
            .enumerate()
            .map(|(i, p)| vec![Cell::Number((i + 1) as f64), Cell::Text(p.clone())])
            .collect()
    };
    let mut rows = vec![vec![Cell::Text(title.to_string())]];
    rows.extend(numbered(&b.points));
    if !b.compare.is_empty() {
        rows.push(vec![]);
        rows.push(vec![Cell::Text(compare_title.to_string())]);
        rows.extend(numbered(&b.compare));
    }
    eduplan_model::export::Sheet {
        name: ctx.t().briefing_sheet.to_string(),
        rows,
    }
}

fn base_name(ctx: &Ctx) -> String {
    crate::context::file_stem(&ctx.state.scenario.name, &format!("eduplan-{}", today()))
}

/// Writes the workbook in the worker and offers the file.
pub async fn download_xlsx(ctx: &Ctx) -> Result<(), String> {
    let json = serde_json::to_string(&workbook(ctx)).map_err(|e| e.to_string())?;
    let data = crate::workers::request(crate::workers::XLSX, &json).await?;
    let bytes = js_sys::Uint8Array::new(&data).to_vec();
    browser::download(
        &format!("{}.xlsx", base_name(ctx)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &bytes,
    )
}

/// The projections as CSV (UTF-8 with BOM).
pub fn download_csv(ctx: &Ctx) -> Result<(), String> {
    let sheet = export::projection_sheet(&ctx.current, ctx.lang().locale(), &ctx.dataset.words);
    browser::download(
        &format!("{}.csv", base_name(ctx)),
        "text/csv;charset=utf-8",
        &export::csv_with_bom(&sheet),
    )
}

/// The style rules a chart needs outside the page (kept in step with styles.css).
const CHART_STYLE: &str = ".grid{stroke:#e6e9ed;stroke-width:1}.axis-label{font-size:13px;fill:#5b6470;font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif}.line{fill:none;stroke-linejoin:round;stroke-linecap:round}.line.current{stroke-width:2.6}.line.baseline{stroke-width:1.6;stroke-dasharray:5 4;opacity:.55}.target-line{stroke-width:1.4;stroke-dasharray:2 3;opacity:.9}.target-band{opacity:.08}.cursor,.hit,.dot{display:none}";

/// A chart as a standalone SVG document (title included, styles inlined).
pub fn chart_svg(chart_id: &str) -> Result<String, String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let fig = doc
        .get_element_by_id(&format!("chart-{chart_id}"))
        .ok_or("chart not shown")?;
    let svg = fig
        .query_selector("svg.chart-svg")
        .ok()
        .flatten()
        .ok_or("chart not shown")?;
    let title = fig
        .query_selector("h3")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .unwrap_or_default();
    // the HTML serialiser writes a no-break space as `&nbsp;`, which XML does
    // not know; every other entity it writes (&amp; &lt; &gt; &quot;) is XML's own
    let inner = svg.inner_html().replace("&nbsp;", "&#160;");
    let esc = xml_text(&title);
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 -30 640 310\" width=\"1280\" height=\"620\"><style>{CHART_STYLE}</style><rect x=\"0\" y=\"-30\" width=\"640\" height=\"310\" fill=\"#ffffff\"/><text x=\"12\" y=\"-10\" font-size=\"16\" font-weight=\"700\" font-family=\"'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif\">{esc}</text>{inner}</svg>"
    ))
}

/// Text made safe inside an XML element: the markup characters escaped and
/// characters XML 1.0 forbids (controls other than tab and newlines) dropped.
pub fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

pub fn download_svg(ctx: &Ctx, chart_id: &str) -> Result<(), String> {
    let svg = chart_svg(chart_id)?;
    browser::download(
        &format!("{}-{chart_id}.svg", base_name(ctx)),
        "image/svg+xml",
        svg.as_bytes(),
    )
}

/// Renders the chart's SVG on a canvas at twice its size and offers a PNG.
pub async fn download_png(ctx: &Ctx, chart_id: &str) -> Result<(), String> {
    let svg = chart_svg(chart_id)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let img = web_sys::HtmlImageElement::new().map_err(|_| "no image")?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        img.set_onerror(Some(
            Closure::once_into_js(move || {
                let _ = reject.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
    });
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(&svg)
    );
    img.set_src(&url);
    JsFuture::from(loaded)
        .await
        .map_err(|_| "the chart image cannot be drawn")?;
    let canvas: web_sys::HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    canvas.set_width(1280);
    canvas.set_height(620);
    let cx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no canvas")?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    cx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, 1280.0, 620.0)
        .map_err(|_| "the chart image cannot be drawn")?;
    let data_url = canvas.to_data_url_with_type("image/png").map_err(|_| "no PNG")?;
    let b64 = data_url.split_once(',').map(|(_, b)| b.to_string()).unwrap_or_default();
    let bin = web_sys::window().ok_or("no window")?.atob(&b64).map_err(|_| "no PNG")?;
    let bytes: Vec<u8> = bin.chars().map(|c| c as u32 as u8).collect();
    browser::download(&format!("{}-{chart_id}.png", base_name(ctx)), "image/png", &bytes)
}
