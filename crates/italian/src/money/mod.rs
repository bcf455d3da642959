//! Money as Italian acts write it: sums in euro ([`Euro`], exact cents,
//! read by [`amount`]), and the codes of contracts and counterparties
//! with their format checks ([`codes`]).

pub mod amount;
mod bare;
pub mod codes;
mod currency;
mod euro;
mod figure;
mod scaled;

pub use amount::{find_amounts, FoundAmount};
pub use euro::Euro;
