/// Country fills: Afghanistan and Pakistan as home, their neighbours muted.
struct CountriesLayer: SharedMapLayer {
    func draw(into defs: SVGDocument, template: PanelTemplate) throws {
        for country in template.boundaries.countries {
            let home = country.unit.id == "AFG" || country.unit.id == "PAK"
            defs.outline(country.outline, cls: home ? "hm" : "nb")
        }
    }
}
