/// Numbers written as words ("five", "twenty-one", "a dozen"), read from tokens.
enum NumberWords {
    private static let units: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// The number starting at token `i` and the index after it: digits ("1,200"), words ("twenty-one",
    /// "three hundred", "a dozen"), nil otherwise. "a"/"an" only count before "dozen"/"hundred".
    static func read(_ tokens: [Token], at i: Int) -> (value: Int, end: Int)? {
        guard i < tokens.count else { return nil }
        if let value = tokens[i].number { return (value, i + 1) }
        let word = tokens[i].lower
        var value: Int
        var end = i + 1
        if let ten = tens[word] {
            value = ten
            if end + 1 < tokens.count, tokens[end].lower == "-", let unit = units[tokens[end + 1].lower], unit < 10, tokens[end + 1].lower != "a" {
                value += unit
                end += 2
            }
        } else if let unit = units[word] {
            value = unit
            if word == "a" || word == "an" || word == "single" {
                guard end < tokens.count, ["dozen", "hundred"].contains(tokens[end].lower) else { return nil }
            }
        } else if word == "dozen" {
            return (12, end)
        } else {
            return nil
        }
        if end < tokens.count, tokens[end].lower == "dozen" { return (value * 12, end + 1) }
        if end < tokens.count, tokens[end].lower == "hundred" {
            value *= 100
            end += 1
            if end + 1 < tokens.count, tokens[end].lower == "and", let rest = read(tokens, at: end + 1), rest.value < 100 {
                return (value + rest.value, rest.end)
            }
        }
        return (value, end)
    }
}
