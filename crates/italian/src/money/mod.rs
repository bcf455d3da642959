//! Money as Italian acts write it: sums in euro ([`Euro`], exact cents).

mod euro;

pub use euro::Euro;
