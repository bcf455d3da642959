//! The path interpreter on its own: content operators in, marks out.

use super::lexer::Lexer;
use super::objects::{mul, IDENTITY};
use super::paths::{Mark, Marks, Paint, Path, MAX_PATH_POINTS};

/// Runs `content` on a 600 x 800 page; `cm`, `q` and `Q` are handled here
/// as the interpreter does.
fn run(content: &str) -> Marks {
    let mut lx = Lexer::new(content.as_bytes());
    let mut path = Path::default();
    let mut paint = Paint::new(600.0, 800.0);
    let mut marks = Marks::new(600.0, 800.0);
    let mut ctm = IDENTITY;
    let mut stack = Vec::new();
    while let Some(op) = lx.next_op() {
        match op {
            b"q" => stack.push((paint, ctm)),
            b"Q" => {
                if let Some((p, m)) = stack.pop() {
                    (paint, ctm) = (p, m);
                }
            }
            b"cm" => {
                let n: Vec<f32> = lx
                    .operands
                    .iter()
                    .filter_map(|o| match o {
                        super::lexer::Operand::Num(v) => Some(*v),
                        _ => None,
                    })
                    .collect();
                if let [a, b, c, d, e, f] = n[..] {
                    ctm = mul(&[a, b, c, d, e, f], &ctm);
                }
            }
            _ => path.op(op, &lx, &mut paint, &ctm, &mut marks),
        }
    }
    marks
}

fn boxes(content: &str) -> Vec<[f32; 4]> {
    run(content)
        .boxes
        .iter()
        .filter(|m| !m.white)
        .map(|m: &Mark| [m.x0, m.y0, m.x1, m.y1])
        .collect()
}

#[test]
fn strokes_are_as_thick_as_the_pen_through_the_ctm() {
    // Line width 1 scaled by 2 across: 2 thick; square caps add half the
    // pen (scaled by 3 along x) at each end.
    assert_eq!(
        boxes("q 3 0 0 2 0 0 cm 1 w 10 100 m 20 100 l S Q"),
        vec![[30.0, 199.0, 60.0, 201.0]]
    );
    assert_eq!(
        boxes("q 3 0 0 2 0 0 cm 1 w 2 J 10 100 m 20 100 l S Q"),
        vec![[28.5, 199.0, 61.5, 201.0]]
    );
    // A vertical segment, a slanted one (nothing), a hairline.
    assert_eq!(
        boxes("0 w 50 10 m 50.3 90 l 60 10 l S"),
        vec![[50.15, 10.0, 50.15, 90.0]]
    );
}

#[test]
fn closing_strokes_the_side_back_to_the_start() {
    assert_eq!(boxes("0 w 10 10 m 50 10 l 50 30 l S").len(), 2);
    assert_eq!(boxes("0 w 10 10 m 50 10 l 50 30 l 10 30 l s").len(), 4);
    assert_eq!(boxes("0 w 10 10 m 50 10 l 50 30 l 10 30 l h S").len(), 4);
    // Drawing on after `h` starts a new subpath at the start point.
    assert_eq!(
        boxes("0 w 10 10 m 50 10 l h 10 40 l S"),
        vec![
            [10.0, 10.0, 50.0, 10.0],
            [10.0, 10.0, 50.0, 10.0],
            [10.0, 10.0, 10.0, 40.0]
        ]
    );
}

#[test]
fn filled_rectangles_in_any_spelling() {
    let want = vec![[10.0, 20.0, 110.0, 22.0]];
    assert_eq!(boxes("10 20 100 2 re f"), want);
    assert_eq!(boxes("110 22 -100 -2 re f"), want);
    assert_eq!(boxes("10 20 m 110 20 l 110 22 l 10 22 l h f"), want);
    assert_eq!(boxes("10 20 m 110 20 l 110 22 l 10 22 l 10 20 l f*"), want);
    assert_eq!(boxes("10 20 m 10 22 l 110 22 l 110 22 l 110 20 l F"), want);
    // A triangle, a slanted quadrilateral, a rounded corner: nothing.
    assert!(boxes("10 20 m 110 20 l 110 22 l f").is_empty());
    assert!(boxes("10 20 m 110 25 l 110 27 l 10 22 l f").is_empty());
    assert!(boxes("10 20 m 110 20 l 110 22 l 10 22 10 22 10 20 c f").is_empty());
    // Two rectangles in one path; fill and stroke gives the fill's box
    // and the four sides.
    assert_eq!(boxes("0 0 5 5 re 10 10 5 5 re f").len(), 2);
    assert_eq!(boxes("0 w 0 0 5 5 re B").len(), 5);
    // A rotated rectangle is not axis-aligned.
    assert!(boxes("q 0.7071 0.7071 -0.7071 0.7071 0 0 cm 100 100 50 2 re f Q").is_empty());
    // A quarter turn keeps it so: 50 x 2 becomes 2 x 50.
    assert_eq!(
        boxes("q 0 1 -1 0 300 0 cm 100 100 50 2 re f Q"),
        vec![[198.0, 100.0, 200.0, 150.0]]
    );
}

#[test]
fn white_paint_and_page_backgrounds_leave_nothing() {
    assert!(boxes("1 g 10 10 100 2 re f").is_empty());
    assert!(boxes("1 1 1 RG 10 10 m 100 10 l S").is_empty());
    assert!(boxes("0 0 0 0 k 10 10 100 2 re f").is_empty());
    assert!(boxes("/DeviceRGB cs 1 1 1 sc 10 10 100 2 re f").is_empty());
    // An ICC space read by its count: 3 components white.
    assert!(boxes("/CS0 cs 1 1 1 scn 10 10 100 2 re f").is_empty());
    // One component in a named space may be a tint (1 = full ink).
    assert_eq!(boxes("/CS1 cs 1 scn 10 10 100 2 re f").len(), 1);
    // A pattern, a light gray, a colour after white.
    assert_eq!(boxes("/Pattern cs /P0 scn 10 10 100 2 re f").len(), 1);
    assert_eq!(boxes("0.95 g 10 10 100 2 re f").len(), 1);
    assert_eq!(boxes("1 g 0.5 g 10 10 100 2 re f").len(), 1);
    // Saved and restored colour.
    assert_eq!(boxes("q 1 g Q 10 10 100 2 re f").len(), 1);
    // The page's background, black or not; a large box that is not one.
    assert!(boxes("0 g -5 -5 610 810 re f").is_empty());
    assert_eq!(boxes("0 g 0 0 600 300 re f").len(), 1);
}

#[test]
fn white_paint_is_marked_white_and_fills_carry_their_colour() {
    let m = run("1 g 10 10 100 2 re f 1 1 1 RG 10 10 m 100 10 l S 0.5 0 0 rg 10 40 100 20 re f 0.5 0 0 rg 10 60 100 20 re f 0 0 1 rg 10 80 100 20 re f");
    let white: Vec<bool> = m.boxes.iter().map(|b| b.white).collect();
    assert_eq!(white, vec![true, true, false, false, false]);
    let fills: Vec<Option<u64>> = m.boxes.iter().map(|b| b.fill).collect();
    assert!(fills[1].is_none(), "a stroke has no fill colour");
    assert!(
        fills[2].is_some() && fills[2] == fills[3] && fills[3] != fills[4],
        "{fills:?}"
    );
}

#[test]
fn the_clip_cuts_marks() {
    assert_eq!(
        boxes("q 100 100 50 50 re W n 0 w 0 120 m 600 120 l S Q 0 w 0 130 m 600 130 l S"),
        vec![[99.5, 120.0, 150.5, 120.0], [0.0, 130.0, 600.0, 130.0]]
    );
    // Clip paths nest; a curve clips to its bounding box, control points
    // included; a clip outside drops everything.
    assert_eq!(
        boxes("q 0 0 300 300 re W n 100 0 m 200 0 200 200 100 200 c W n 0 10 600 1 re f Q"),
        vec![[99.5, 10.0, 200.5, 11.0]]
    );
    assert!(boxes("700 700 10 10 re W n 0 10 600 1 re f").is_empty());
    // A shading fills the clip.
    assert_eq!(
        boxes("q 10 10 40 20 re W n /Sh0 sh Q"),
        vec![[10.0, 10.0, 50.0, 30.0]]
    );
    // `W n` with no path does not clip.
    assert_eq!(boxes("W n 0 10 600 1 re f").len(), 1);
}

#[test]
fn hostile_operators_do_nothing() {
    let junk = "m l re 1 re (a) (b) m /N 2 l 1 2 3 c h h S f B n W \
        1e38 1e38 m 1e38 -1e38 l S 3e38 0 m -3e38 0 l S \
        0 0 m 1 1 1 1 1 1 1 1 1 1 v 1e39 w 10 10 m 100 10 l S \
        -1 J 99 J /X cs sc scn SC SCN 1 2 3 4 5 6 g k rg";
    let m = run(junk);
    assert!(
        m.boxes
            .iter()
            .all(|b| b.x0.is_finite() && b.x1.is_finite() && b.y0 <= b.y1),
        "{:?}",
        m.boxes
    );
    // A line with no `m` draws from where it is.
    assert_eq!(
        boxes("0 w 10 10 l 50 10 l S"),
        vec![[10.0, 10.0, 50.0, 10.0]]
    );
}

#[test]
fn a_huge_path_is_cut() {
    let mut s = String::from("0 w ");
    for _ in 0..MAX_PATH_POINTS {
        s += "0 0 m 1 1 l ";
    }
    s.push_str("S 0 0 m 10 0 l S");
    let m = run(&s);
    assert!(m.path_capped);
    // The next path is read again.
    assert_eq!(m.boxes.len(), 1);
}
