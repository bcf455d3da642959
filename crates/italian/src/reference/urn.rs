//! URN:NIR identifiers of references whose issuer is known.

use super::Reference;

/// The URN:NIR of a reference whose issuer is known, e.g.
/// `urn:nir:stato:legge:1990-08-07;241~art3`. The date is used when known,
/// else the year. The partition follows the NIR convention: `~art3bis`,
/// `-com2`, `-leta`. `None` without issuer, type, or date and year.
pub fn urn(r: &Reference) -> Option<String> {
    let issuer = r.issuer.as_deref()?;
    let ty = r.act_type.as_deref()?;
    let date = r.date;
    let (issuer, nir_type) = match ty {
        "legge" => ("stato", "legge"),
        "legge_regionale" => (issuer, "legge"),
        "decreto_legislativo" => ("stato", "decreto.legislativo"),
        "decreto_legge" => ("stato", "decreto.legge"),
        "dpr" => ("stato", "decreto.del.presidente.della.repubblica"),
        "dpcm" => ("stato", "decreto.del.presidente.del.consiglio.dei.ministri"),
        "decreto_ministeriale" => (issuer, "decreto"),
        "regio_decreto" => ("stato", "regio.decreto"),
        "regio_decreto_legge" => ("stato", "regio.decreto.legge"),
        "decreto_legislativo_luogotenenziale" => ("stato", "decreto.legislativo.luogotenenziale"),
        "decreto_legislativo_cps" => (
            "stato",
            "decreto.legislativo.del.capo.provvisorio.dello.stato",
        ),
        "costituzione" => ("stato", "costituzione"),
        "regolamento_ue" => ("unione.europea", "regolamento"),
        "direttiva_ue" => ("unione.europea", "direttiva"),
        "delibera_giunta_regionale" => (issuer, "deliberazione.giunta.regionale"),
        _ => return None,
    };
    let when = match (date, r.year) {
        (Some(d), _) => d.format("%Y-%m-%d").to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => return None,
    };
    let mut s = format!("urn:nir:{issuer}:{nir_type}:{when}");
    if let Some(n) = &r.number {
        s.push(';');
        s.push_str(&n.replace('/', "-"));
    }
    if let Some(a) = &r.article {
        s.push_str(&format!("~art{}", a.replace('-', "")));
        if let Some(p) = &r.paragraph {
            s.push_str(&format!("-com{}", p.replace('-', "")));
        }
        if let Some(l) = &r.letter {
            s.push_str(&format!("-let{}", l.replace('-', "")));
        }
    }
    Some(s)
}
