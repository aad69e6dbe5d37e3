//! What Chinese text may contain of the Latin alphabet: the check behind
//! "no English in the Chinese interface or its files".
//!
//! Chinese interface text, notices, exported files and the printed brief
//! may hold Latin letters only as units and symbols of measure, names of file
//! formats and products a bureau knows (Excel, WPS, CSV…), key names, and
//! codes the user typed or the data carries (ids, URLs), which callers leave
//! out of the text they check.

/// Latin words allowed in Chinese text: file formats, products, key names,
/// standard codes. Matched as whole runs of ASCII letters.
pub const ALLOWED: [&str; 22] = [
    "EduPlan", "Excel", "WPS", "CSV", "XLSX", "XLS", "JSON", "PNG", "SVG", "UTF", "GBK", "GB", "MB", "Esc", "Tab",
    "PageUp", "PageDown", "QR", "Ctrl", "Shift", "Z", "Y",
];

/// The runs of Latin letters in `text` that are not [`ALLOWED`], in order
/// (empty when the text is clean). Letters inside `{placeholders}` of a
/// string template are not text and are skipped.
pub fn stray_latin(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut depth = 0usize;
    let flush = |run: &mut String, out: &mut Vec<String>| {
        if !run.is_empty() && !ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(run)) {
            out.push(std::mem::take(run));
        }
        run.clear();
    };
    for c in text.chars() {
        match c {
            '{' => {
                flush(&mut run, &mut out);
                depth += 1;
            }
            '}' => depth = depth.saturating_sub(1),
            c if c.is_ascii_alphabetic() && depth == 0 => run.push(c),
            _ => flush(&mut run, &mut out),
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_english_but_not_formats_units_or_placeholders() {
        assert_eq!(stray_latin("导出Excel表格（XLSX）"), Vec::<String>::new());
        assert_eq!(stray_latin("“{lever}”至少需设为{value}"), Vec::<String>::new());
        assert_eq!(
            stray_latin("常住人口42.53万人; used to check"),
            vec!["used", "to", "check"]
        );
        assert_eq!(stray_latin("P10–P90"), vec!["P", "P"]);
    }

    /// Every Chinese label, help text and choice of the catalogues is clean
    /// (indicator labels with their placeholders filled).
    #[test]
    fn the_catalogues_speak_chinese() {
        let words = crate::dataset::RegionWords::default();
        for s in crate::catalogue::indicators() {
            let zh = s.label(crate::format::Locale::Zh, &words);
            assert!(stray_latin(&zh).is_empty(), "{}: {zh}", s.id);
        }
        for l in crate::catalogue::levers() {
            for text in [l.label_zh, l.help_zh].into_iter().chain(l.choices.iter().map(|c| c.0)) {
                assert!(stray_latin(text).is_empty(), "{}: {text}", l.id);
            }
        }
    }

    /// The bundled dataset's Chinese: its name, time point, targets and
    /// sources (their ids and URLs are codes and are not checked).
    #[test]
    fn the_bundled_dataset_speaks_chinese() {
        let ds = crate::Dataset::default_dataset().unwrap();
        let mut texts: Vec<&str> = vec![&ds.name.zh, &ds.as_of.zh, &ds.words.whole, &ds.words.outside];
        for t in &ds.targets {
            texts.extend([t.label.zh.as_str(), t.note.zh.as_str()]);
        }
        for s in &ds.sources {
            texts.extend([s.title.zh.as_str(), s.note.zh.as_str()]);
        }
        for z in &ds.zones {
            texts.push(&z.name.zh);
        }
        for s in &ds.schools {
            texts.push(&s.name);
        }
        for text in texts {
            assert!(stray_latin(text).is_empty(), "{text}");
        }
    }
}
