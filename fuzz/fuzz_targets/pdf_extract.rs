//! Feeds arbitrary bytes to the PDF extractor: it may return an error, never
//! panic, hang or exhaust memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = atti_pdf::Limits {
        max_stream_bytes: 8 << 20,
        max_ops_per_page: 200_000,
        ..atti_pdf::Limits::default()
    };
    let _ = atti_pdf::read(data, &limits);
});
