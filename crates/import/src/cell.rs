//! One cell as read from any file, and the tolerant readings real bureau files
//! need: numbers stored as text, thousands separators, full-width digits,
//! trailing units, 万/亿 scaling, percent signs and "-" placeholders.

/// A cell's content, whatever the file format.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
    /// A spreadsheet error value (`#DIV/0!` …), kept as its text.
    Error(String),
}

impl Cell {
    /// The cell as the user would see it (for messages and headers).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(x) => format_number(*x),
            Cell::Text(s) => s.clone(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }

    /// Blank or a placeholder meaning "no figure" (-, —, /, ***, 无).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => is_placeholder(s),
            _ => false,
        }
    }

    /// The text of the cell, trimmed (names keep their full-width
    /// punctuation); `None` when blank.
    pub fn text(&self) -> Option<String> {
        if self.is_blank() {
            return None;
        }
        let t = self.display().trim_matches(|c: char| c.is_whitespace()).to_string();
        (!t.is_empty()).then_some(t)
    }

    /// The text as a code: trimmed and full-width folded (Ｓ０１ → S01).
    pub fn code(&self) -> Option<String> {
        self.text()
            .map(|t| fold_width(&t).trim().to_string())
            .filter(|t| !t.is_empty())
    }
}

/// A number as a spreadsheet shows it: whole numbers without a decimal point.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn is_placeholder(s: &str) -> bool {
    let t = s.trim().trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '-' | '—' | '–' | '－' | '―' | '─' | '/' | '／' | '*' | '＊'))
        || matches!(t, "无" | "空" | "不适用" | "N/A" | "n/a" | "NA")
}

/// Folds full-width ASCII (Ｆ０-９, －, ．, ，, ％ …) and the ideographic space to
/// their ordinary forms.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
            '−' | '‒' | '﹣' => '-',
            '。' => '.',
            _ => c,
        })
        .collect()
}

/// Why a cell could not be read as a number.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberError {
    /// Text that is not a number.
    NotANumber,
    /// A spreadsheet error such as `#DIV/0!`.
    ErrorValue,
}

/// Units that may trail a count or an amount; 万 and 亿 scale it.
const TRAILING_UNITS: [&str; 24] = [
    "万元",
    "亿元",
    "万人",
    "元/生",
    "元每生",
    "元/人",
    "万",
    "亿",
    "元",
    "人",
    "个",
    "所",
    "间",
    "名",
    "班",
    "座",
    "岁",
    "年",
    "次",
    "位",
    "平方米",
    "㎡",
    "m2",
    "%",
];

/// Reads a number from a cell, tolerant of how bureau files store them.
///
/// `Ok(None)` for a blank or placeholder cell. A trailing `%` divides by 100;
/// a trailing 万 / 万元 / 万人 multiplies by 10,000 and 亿 by 10⁸. Thousands
/// separators (`,` `，` space, no-break space) are removed; full-width digits,
/// minus and point are folded; `(5)` reads as −5 as accountants write it.
pub fn parse_number(cell: &Cell) -> Result<Option<f64>, NumberError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(x) if x.is_finite() => Ok(Some(*x)),
        Cell::Number(_) => Err(NumberError::NotANumber),
        Cell::Bool(_) => Err(NumberError::NotANumber),
        Cell::Error(_) => Err(NumberError::ErrorValue),
        Cell::Text(s) if is_placeholder(s) => Ok(None),
        Cell::Text(s) => parse_text_number(s).map(Some),
    }
}

fn parse_text_number(raw: &str) -> Result<f64, NumberError> {
    let mut s: String = fold_width(raw)
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\t'))
        .collect();
    let mut scale = 1.0;
    // strip trailing units, possibly several ("12.5万元", "35人")
    for _ in 0..3 {
        let Some(unit) = TRAILING_UNITS.iter().find(|u| s.ends_with(**u)) else {
            break;
        };
        s.truncate(s.len() - unit.len());
        scale *= match *unit {
            "万元" | "万人" | "万" => 1e4,
            "亿元" | "亿" => 1e8,
            "%" => 0.01,
            _ => 1.0,
        };
    }
    let negative_paren = s.starts_with('(') && s.ends_with(')') && s.len() > 2;
    if negative_paren {
        s = format!("-{}", &s[1..s.len() - 1]);
    }
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return Err(NumberError::NotANumber);
    }
    // reject "1-2", "--5", "1.2.3" that f64::from_str would also reject, and "inf"/"nan" (no letters pass above)
    let x: f64 = s.parse().map_err(|_| NumberError::NotANumber)?;
    let v = x * scale;
    if v.is_finite() {
        // scaling by a power of ten in two steps keeps 12.3万 exact to the digit
        Ok(if scale == 1.0 { x } else { round_sig(v) })
    } else {
        Err(NumberError::NotANumber)
    }
}

/// Rounds away the binary noise of a decimal scaling (0.1 × 1e4 = 1000.0000000000001).
fn round_sig(v: f64) -> f64 {
    let s = format!("{v:.12e}");
    s.parse().unwrap_or(v)
}

/// Whether a cell's own text carries 万 or 亿 (and [`parse_number`] has scaled
/// it already): a 万元 header or unit cell must not scale it a second time.
pub fn carries_scale(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(s) if s.contains(['万', '亿']))
}

/// A header's unit that scales the values under it: 万元 → 10⁴, 亿元 → 10⁸, 万人 → 10⁴.
pub fn header_scale(header: &str) -> f64 {
    let h = fold_width(header);
    if h.contains("亿元") {
        1e8
    } else if h.contains("万元") || h.contains("万人") {
        1e4
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Result<Option<f64>, NumberError> {
        parse_number(&Cell::Text(s.into()))
    }

    #[test]
    fn numbers_stored_as_text() {
        assert_eq!(t("1234"), Ok(Some(1234.0)));
        assert_eq!(t(" 12.5 "), Ok(Some(12.5)));
        assert_eq!(t("-3"), Ok(Some(-3.0)));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(t("16,745.59"), Ok(Some(16745.59)));
        assert_eq!(t("1，234"), Ok(Some(1234.0)));
        assert_eq!(t("1 234"), Ok(Some(1234.0)));
        assert_eq!(t("1\u{a0}234"), Ok(Some(1234.0)));
    }

    #[test]
    fn full_width_digits_minus_and_point() {
        assert_eq!(t("１２３４"), Ok(Some(1234.0)));
        assert_eq!(t("－５"), Ok(Some(-5.0)));
        assert_eq!(t("１２．５"), Ok(Some(12.5)));
        assert_eq!(t("−7"), Ok(Some(-7.0)));
    }

    #[test]
    fn trailing_units_and_scaling() {
        assert_eq!(t("35人"), Ok(Some(35.0)));
        assert_eq!(t("12个"), Ok(Some(12.0)));
        assert_eq!(t("3所"), Ok(Some(3.0)));
        assert_eq!(t("20间"), Ok(Some(20.0)));
        assert_eq!(t("1.55万人"), Ok(Some(15500.0)));
        assert_eq!(t("12.3万元"), Ok(Some(123000.0)));
        assert_eq!(t("7亿"), Ok(Some(7e8)));
        assert_eq!(t("95%"), Ok(Some(0.95)));
        assert_eq!(t("９５％"), Ok(Some(0.95)));
        assert_eq!(t("(5)"), Ok(Some(-5.0)));
    }

    #[test]
    fn placeholders_are_blank() {
        for s in ["-", "—", "－", "--", "", "  ", "/", "***", "无", "\u{3000}"] {
            assert_eq!(t(s), Ok(None), "{s:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for s in ["abc", "1-2", "1.2.3", "inf", "NaN", "十二", "1e999", "e", "."] {
            assert_eq!(t(s), Err(NumberError::NotANumber), "{s:?}");
        }
        assert_eq!(
            parse_number(&Cell::Error("#DIV/0!".into())),
            Err(NumberError::ErrorValue)
        );
        assert_eq!(parse_number(&Cell::Bool(true)), Err(NumberError::NotANumber));
    }

    #[test]
    fn header_units() {
        assert_eq!(header_scale("教育经费（万元）"), 1e4);
        assert_eq!(header_scale("金额（元）"), 1.0);
        assert_eq!(header_scale("亿元"), 1e8);
        assert!(carries_scale(&Cell::Text("10.5万元".into())));
        assert!(!carries_scale(&Cell::Text("10.5".into())));
        assert!(!carries_scale(&Cell::Number(10.5)));
    }
}
