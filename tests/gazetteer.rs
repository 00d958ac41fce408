//! The bundled gazetteers: their size, and readings that must hold (surface → entity).

use wirelink::{Extractor, Input, Lang};

/// How many entities of each kind the bundled data names (read off `check`'s build).
#[test]
fn world_scale_counts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    let rows = |name: &str| {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count() - 1
    };
    assert!(rows("countries.tsv") >= 195 + 3, "every ISO 3166-1 country plus Kosovo");
    assert!(rows("cities.tsv") >= 30_000, "GeoNames cities15000");
    Extractor::builder().build().expect("the bundled gazetteers load");
}

/// (language, text, surface, entity id): one reading each.
#[test]
fn surfaces_read_as_their_entity() {
    let cases = [
        (Lang::Fr, "Il est arrivé à Moscou hier.", "Moscou", "524901"),
        (Lang::Nl, "Hij kwam aan in Moskou.", "Moskou", "524901"),
        (Lang::Fr, "La Biélorussie a protesté.", "Biélorussie", "BLR"),
        (Lang::Nl, "Wit-Rusland protesteerde.", "Wit-Rusland", "BLR"),
        (Lang::Fr, "Le Myanmar, autrefois la Birmanie, a voté.", "Birmanie", "MMR"),
        (Lang::En, "Burma held elections.", "Burma", "MMR"),
        (Lang::Fr, "Des soldats ukrainiennes sont arrivés.", "ukrainiennes", "UKR"),
        (Lang::Nl, "Een Wit-Russische delegatie kwam aan.", "Wit-Russische", "BLR"),
        (Lang::En, "The Kremlin said no.", "The Kremlin", "RUS"),
        (Lang::Nl, "Het Witte Huis reageerde.", "Het Witte Huis", "USA"),
        (Lang::Fr, "Il a parlé à La Haye.", "La Haye", "2747373"),
        (Lang::Nl, "Hij sprak in Luik.", "Luik", "2792413"),
        (Lang::Fr, "Il est arrivé à Anvers.", "Anvers", "2803138"),
        (Lang::En, "He flew to Warsaw.", "Warsaw", "756135"),
        (Lang::Fr, "L'OTAN et l'ONU ont réagi.", "OTAN", "nato"),
        (Lang::Nl, "De NAVO en de VN reageerden.", "VN", "united-nations"),
        (Lang::Fr, "Le Kosovo a voté.", "Kosovo", "XKX"),
        (Lang::En, "Taiwan protested.", "Taiwan", "TWN"),
        (Lang::En, "Eswatini and Palestine voted.", "Palestine", "PSE"),
    ];
    let ex = Extractor::bundled();
    for (lang, text, surface, id) in cases {
        let doc = ex.extract(Input::new(text).lang(lang));
        let got = doc.mentions.iter().find(|m| m.text == surface).map(|m| m.entity.as_str());
        assert_eq!(got, Some(id), "{lang}: {surface:?} in {text:?}: {:?}", doc.mentions);
    }
}

/// Common words that are city names somewhere are no mentions.
#[test]
fn common_words_are_not_cities() {
    let cases = [
        (Lang::Fr, "Les observateurs attendaient. Selon le Kremlin, rien."),
        (Lang::En, "Of the agreements, none held. To the surprise of many, Police stayed away."),
        (Lang::En, "Reading the statement, he stood under the Golden Dome."),
        (Lang::Fr, "Le ministre de la Défense est arrivé."),
    ];
    let ex = Extractor::bundled();
    for (lang, text) in cases {
        let doc = ex.extract(Input::new(text).lang(lang));
        let cities: Vec<_> = doc.entities.iter().filter(|e| e.kind == wirelink::EntityKind::City).collect();
        assert!(cities.is_empty(), "{text:?}: {cities:?}");
    }
}
