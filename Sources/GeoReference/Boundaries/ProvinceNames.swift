import GeoKit
import EventModel
import EventFormats
/// Current official names and ids of the provinces of Afghanistan and Pakistan, keyed by how
/// Natural Earth 1:10m (as shipped with QGIS) names them. Natural Earth's spellings stay as aliases.
struct ProvinceName {
    let id: String
    let name: String
    let countryISO3: String
    let aliases: [String]
    let nativeNames: [String]
}

enum ProvinceNames {
    /// Natural Earth `name` (plus `gn_name` where two rows share a name) → official province.
    /// Two rows that Natural Earth labels "Parwan" and "Uruzgan" are in fact Panjshir and Daykundi
    /// (provinces since 2004; their `gn_name` and centroids say so), so they keep their own identity.
    static func lookup(naturalEarthName: String, gnName: String, countryISO3: String) -> ProvinceName? {
        if countryISO3 == "AFG" {
            if naturalEarthName == "Parwan", gnName.contains("Panjshir") { return afghanistan["Panjshir"] }
            if naturalEarthName == "Uruzgan", gnName.contains("Daykundi") { return afghanistan["Daykundi"] }
            return afghanistan[naturalEarthName]
        }
        if countryISO3 == "PAK" { return pakistan[naturalEarthName] }
        return nil
    }

    /// Natural Earth rows merged into another province: F.A.T.A. joined Khyber Pakhtunkhwa in 2018
    /// (25th constitutional amendment); Natural Earth still draws it apart.
    static let mergedInto: [String: String] = ["F.A.T.A.": "K.P."]

    private static func afg(_ id: String, _ name: String, _ aliases: [String], _ native: [String]) -> ProvinceName {
        ProvinceName(id: id, name: name, countryISO3: "AFG", aliases: aliases, nativeNames: native)
    }

    private static func pak(_ id: String, _ name: String, _ aliases: [String], _ native: [String]) -> ProvinceName {
        ProvinceName(id: id, name: name, countryISO3: "PAK", aliases: aliases, nativeNames: native)
    }

    // OCHA COD-AB (AGCHO) province P-codes.
    static let afghanistan: [String: ProvinceName] = [
        "Kabul": afg("AF01", "Kabul", ["Kabol", "Wilayat-e Kabul"], ["کابل"]),
        "Kapisa": afg("AF02", "Kapisa", ["Kapissa", "Wilayat-e Kapisa"], ["کاپیسا"]),
        "Parwan": afg("AF03", "Parwan", ["Parvan"], ["پروان"]),
        "Wardak": afg("AF04", "Maidan Wardak", ["Wardak", "Maydan Wardak", "Wardag", "Maidan Wardag"], ["میدان وردک"]),
        "Logar": afg("AF05", "Logar", ["Lowgar", "Wilayat-e Logar"], ["لوگر"]),
        "Nangarhar": afg("AF06", "Nangarhar", ["Ningarhar", "Nangrahar", "Ningrahar", "Nangahar", "Nengarhar", "Nangarhaar"], ["ننگرهار", "ننګرهار"]),
        "Laghman": afg("AF07", "Laghman", ["Lagman", "Wilayat-e Laghman"], ["لغمان"]),
        "Panjshir": afg("AF08", "Panjsher", ["Panjshir", "Panjshayr", "Panjsheer"], ["پنجشیر"]),
        "Baghlan": afg("AF09", "Baghlan", ["Baghlan Province", "Wilayat-e Baghlan"], ["بغلان"]),
        "Bamyan": afg("AF10", "Bamyan", ["Bamiyan", "Bamian", "Wilayat-e Bamyan"], ["بامیان"]),
        "Ghazni": afg("AF11", "Ghazni", ["Ghazny", "Wilayat-e Ghazni"], ["غزنی"]),
        "Paktika": afg("AF12", "Paktika", ["Paktica", "Wilayat-e Paktika"], ["پکتیکا"]),
        "Paktya": afg("AF13", "Paktya", ["Paktia", "Paktiya", "Wilayat-e Paktiya"], ["پکتیا"]),
        "Khost": afg("AF14", "Khost", ["Khowst", "Khost Province", "Velayat-e Khowst"], ["خوست"]),
        "Kunar": afg("AF15", "Kunar", ["Konar", "Kunarha", "Wilayat-e Kunar"], ["کنر", "کونړ"]),
        "Nuristan": afg("AF16", "Nuristan", ["Nurestan", "Nooristan", "Velayat-e Nurestan"], ["نورستان"]),
        "Badakhshan": afg("AF17", "Badakhshan", ["Badakshan"], ["بدخشان"]),
        "Takhar": afg("AF18", "Takhar", ["Wilayat-e Takhar"], ["تخار"]),
        "Kunduz": afg("AF19", "Kunduz", ["Kondoz", "Qunduz", "Konduz"], ["کندز"]),
        "Samangan": afg("AF20", "Samangan", [], ["سمنگان"]),
        "Balkh": afg("AF21", "Balkh", [], ["بلخ"]),
        "Sari Pul": afg("AF22", "Sar-e-Pul", ["Sari Pul", "Sar-e Pul", "Sar-i-Pul", "Saripul"], ["سرپل"]),
        "Ghor": afg("AF23", "Ghor", ["Ghowr", "Wilayat-e Ghor"], ["غور"]),
        "Daykundi": afg("AF24", "Daykundi", ["Daikundi", "Day Kundi", "Wilayat-e Daykundi"], ["دایکندی"]),
        "Uruzgan": afg("AF25", "Uruzgan", ["Oruzgan", "Urozgan", "Orozgan"], ["ارزگان"]),
        "Zabul": afg("AF26", "Zabul", ["Zabol", "Wilayat-e Zabul"], ["زابل"]),
        "Kandahar": afg("AF27", "Kandahar", ["Qandahar", "Kandehar"], ["کندهار"]),
        "Jawzjan": afg("AF28", "Jawzjan", ["Jowzjan", "Jozjan", "Wilayat-e Jowzjan"], ["جوزجان"]),
        "Faryab": afg("AF29", "Faryab", ["Faryab Province"], ["فاریاب"]),
        "Hilmand": afg("AF30", "Helmand", ["Hilmand", "Helmund"], ["هلمند"]),
        "Badghis": afg("AF31", "Badghis", ["Badghes"], ["بادغیس"]),
        "Hirat": afg("AF32", "Herat", ["Hirat", "Herat Province"], ["هرات"]),
        "Farah": afg("AF33", "Farah", [], ["فراه"]),
        "Nimroz": afg("AF34", "Nimroz", ["Nimruz", "Wilayat-e Nimroz"], ["نیمروز"]),
    ]

    // OCHA COD-AB Pakistan ADM1 P-codes of the 2022 edition (after the F.A.T.A. merger; alphabetical).
    // PK2 (Balochistan) and PK5 (Khyber Pakhtunkhwa) are confirmed by their district codes (PK2xx, PK5xx);
    // the others follow the same alphabetical order and are marked for verification in GeoData/README.md.
    static let pakistan: [String: ProvinceName] = [
        "Azad Kashmir": pak("PK1", "Azad Jammu and Kashmir", ["Azad Kashmir", "AJK", "AJ&K"], ["آزاد جموں و کشمیر"]),
        "Baluchistan": pak("PK2", "Balochistan", ["Baluchistan", "Balochistan Province", "Baluchestan"], ["بلوچستان"]),
        "Northern Areas": pak("PK3", "Gilgit-Baltistan", ["Northern Areas", "Gilgit Baltistan", "GB"], ["گلگت بلتستان"]),
        "F.C.T.": pak("PK4", "Islamabad Capital Territory", ["F.C.T.", "Islamabad", "ICT", "Federal Capital Territory"], ["اسلام آباد"]),
        "K.P.": pak("PK5", "Khyber Pakhtunkhwa",
                    ["K.P.", "KP", "KPK", "K-P", "NWFP", "N.W.F.P.", "North-West Frontier Province", "North West Frontier Province",
                     "Khyber-Pakhtunkhwa", "Khyber Pukhtunkhwa", "Khyber Pakhtoonkhwa", "Pakhtunkhwa",
                     "F.A.T.A.", "FATA", "Federally Administered Tribal Areas"],
                    ["خیبر پختونخوا", "خیبر پښتونخوا"]),
        "Punjab": pak("PK6", "Punjab", ["Panjab"], ["پنجاب"]),
        "Sind": pak("PK7", "Sindh", ["Sind"], ["سندھ"]),
    ]
}
