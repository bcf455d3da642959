//! Whether a grid's columns agree with a rule's labels.
//!
//! A table read without lines takes its columns from the whitespace
//! between words, and a header can mislead it both ways: two labels set
//! close together ("Inizio Previsto Fine Prevista") run two columns into
//! one, and a label of two words set a little apart ("Valore" | "Atteso")
//! parts one column in two. The rule's labels tell either case: one header
//! cell that holds the labels of two of the rule's columns side by side,
//! or one label whose words are the header cells of two neighbouring
//! columns and of neither alone.

use crate::rules::compiled::Table;

/// Whether the header texts of a grid's columns (`heads`, one per column,
/// as label words) disagree with the rule's labels as above.
pub(super) fn disagree(t: &Table, heads: &[Vec<String>]) -> bool {
    heads.iter().any(|h| run_together(t, h)) || heads.windows(2).any(|w| parted(t, &w[0], &w[1]))
}

/// Where a label's words stand in a row inside a header, as a range of
/// word positions.
fn find(header: &[String], label: &[String]) -> Option<(usize, usize)> {
    if label.is_empty() || label.len() > header.len() {
        return None;
    }
    header
        .windows(label.len())
        .position(|w| w == label)
        .map(|p| (p, p + label.len()))
}

/// One header cell holding the labels of two of the rule's columns at
/// word positions that do not overlap.
fn run_together(t: &Table, header: &[String]) -> bool {
    let found: Vec<Vec<(usize, usize)>> = t
        .columns
        .iter()
        .map(|c| {
            c.label_words
                .iter()
                .filter_map(|l| find(header, l))
                .collect()
        })
        .collect();
    found.iter().enumerate().any(|(i, a)| {
        found
            .iter()
            .skip(i + 1)
            .any(|b| a.iter().any(|x| b.iter().any(|y| x.1 <= y.0 || y.1 <= x.0)))
    })
}

/// A label of the rule that two neighbouring header cells make together
/// (the first ends with its first words, the second begins with the rest)
/// and that neither holds whole.
fn parted(t: &Table, left: &[String], right: &[String]) -> bool {
    if left.is_empty() || right.is_empty() {
        return false;
    }
    let joined: Vec<String> = left.iter().chain(right).cloned().collect();
    t.columns.iter().flat_map(|c| &c.label_words).any(|l| {
        l.len() >= 2 && joined == *l && find(left, l).is_none() && find(right, l).is_none()
    })
}
