# bench/scale/binaries.sh, sourced by bench/scale.sh, dask_kill.sh and
# slurm.sh once ROOT is set: ATTI (the binary given, else the release build
# of the checkout, built if needed) and GEN (the corpus generator, built if
# missing), both under CARGO_TARGET_DIR or the checkout's target/.
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
if [ -z "${ATTI:-}" ]; then
    (cd "$ROOT" && cargo build --release --bin atti >&2)
    ATTI="$TARGET/release/atti"
fi
GEN="$TARGET/release/examples/gen_corpus"
[ -x "$GEN" ] || (cd "$ROOT" && cargo build --release -p atti-dev --example gen_corpus >&2)
