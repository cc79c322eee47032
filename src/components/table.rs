//! Plain functions that build the rows of the money tables (the year table, the charts' data
//! tables, the money-by-supplier table): one code path for every row and header, so a column
//! costs its data, not another copy of the markup code in the download.

use yew::prelude::*;

/// A header row: the column names, the first being the row headers' column.
pub fn head(names: Vec<String>) -> Html {
    html! {
        <thead><tr>
            { for names.into_iter().map(|n| html! { <th scope="col">{ n }</th> }) }
        </tr></thead>
    }
}

/// A row: its header cell, then its cells. With `mark`, a cell reading below zero (formatted
/// with a leading minus) carries the class `negative`.
pub fn row(header: String, cells: Vec<String>, mark: bool) -> Html {
    html! {
        <tr>
            <th scope="row">{ header }</th>
            { for cells.into_iter().map(|c| {
                let negative = mark && c.starts_with('-');
                html! { <td class={classes!(negative.then_some("negative"))}>{ c }</td> }
            }) }
        </tr>
    }
}

/// Names as owned strings, for [`head`].
pub fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_string()).collect()
}
