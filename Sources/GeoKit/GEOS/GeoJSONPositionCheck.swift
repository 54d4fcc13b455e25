/// GEOS 3.11's GeoJSON reader reads x and y of every position without checking the position's length, so a
/// `[]` or `[70.4]` in a `"coordinates"` array crashes the process. This linear scan finds such positions
/// first (a position of one value, or an empty position among others; an empty `coordinates` array is an
/// empty geometry and passes); everything else is left to GEOS, which reports its own errors.
enum GeoJSONPositionCheck {
    /// A description of the first position with fewer than two values, or nil.
    static func shortPosition(in text: String) -> String? {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), comma = UInt8(ascii: ",")
        let key = Array("\"coordinates\"".utf8)
        var i = 0
        var coordinatesDepth = 0  // bracket depth inside a "coordinates" value; 0 outside
        var depth = 0
        var values: [Int] = []  // per open array inside coordinates: values seen so far
        var sawValue: [Bool] = []
        var nestedArray: [Bool] = []
        var emptyChild: [Bool] = []     // per level: a child array was []
        var positionChild: [Bool] = []  // per level: a child array held values (a position)
        while i < bytes.count {
            let b = bytes[i]
            if b == quote {
                if coordinatesDepth == 0, i + key.count <= bytes.count, Array(bytes[i..<(i + key.count)]) == key {
                    var j = i + key.count
                    while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: ":") || bytes[j] == 10 || bytes[j] == 13 || bytes[j] == 9 { j += 1 }
                    if j < bytes.count, bytes[j] == open {
                        coordinatesDepth = 1
                        depth = 1
                        values = [0]; sawValue = [false]; nestedArray = [false]; emptyChild = [false]; positionChild = [false]
                        i = j + 1
                        continue
                    }
                }
                i += 1
                while i < bytes.count, bytes[i] != quote { i += bytes[i] == backslash ? 2 : 1 }
                if coordinatesDepth > 0, !sawValue.isEmpty { sawValue[sawValue.count - 1] = true }
                i += 1
                continue
            }
            guard coordinatesDepth > 0 else { i += 1; continue }
            switch b {
            case open:
                nestedArray[nestedArray.count - 1] = true
                depth += 1
                values.append(0); sawValue.append(false); nestedArray.append(false); emptyChild.append(false); positionChild.append(false)
            case close:
                let count = values.removeLast() + (sawValue.removeLast() ? 1 : 0)
                let nested = nestedArray.removeLast()
                let (hadEmpty, hadPosition) = (emptyChild.removeLast(), positionChild.removeLast())
                if hadEmpty && hadPosition { return "a position has 0 values; each needs [longitude, latitude]" }
                if !nested && count == 1 { return "a position has 1 value; each needs [longitude, latitude]" }
                if !nested, !emptyChild.isEmpty {
                    if count == 0 { emptyChild[emptyChild.count - 1] = true } else { positionChild[positionChild.count - 1] = true }
                }
                depth -= 1
                if depth == 0 { coordinatesDepth = 0 }
            case comma:
                if sawValue[sawValue.count - 1] { values[values.count - 1] += 1 }
                sawValue[sawValue.count - 1] = false
            case UInt8(ascii: " "), 9, 10, 13:
                break
            default:
                sawValue[sawValue.count - 1] = true
            }
            i += 1
        }
        return nil
    }
}
