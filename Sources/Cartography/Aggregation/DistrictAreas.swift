import GeoReference

/// District areas in km² from the district outlines (official where shipped or imported), measured as
/// `PreparedReference.areaKm2` measures them: in an Albers equal-area projection fitted to Afghanistan and Pakistan.
enum DistrictAreas {
    static func compute(_ boundaries: BoundaryData) throws -> [String: Double] {
        let gazetteer = Gazetteer(provinces: [], districts: [], places: [], groups: [], origins: [], countries: [])
        let reference = try PreparedReference(ReferenceData(directory: "", gazetteer: gazetteer, boundaries: boundaries))
        var areas: [String: Double] = [:]
        for district in boundaries.districts { areas[district.id] = try reference.areaKm2(of: district.id) }
        return areas
    }
}
