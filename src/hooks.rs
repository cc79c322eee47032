//! Hooks for the browser side of the app: theme and element size.

pub mod use_element_width;
pub mod use_theme;
