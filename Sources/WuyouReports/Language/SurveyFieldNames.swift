import WuyouWords

/// What each element and attribute of the survey format records, in words (`field.<element>@<attribute>`
/// in the catalogue), so that a message about `community/@households` can say 户数 / the number of households.
enum SurveyFieldNames {
    /// `<element> @attribute` in words, with the attribute's own name so it can be found:
    /// 户数（households）/ the number of households (households).
    static func name(element: String, attribute: String?, words: Words) -> String {
        let key = "field." + (attribute.map { "\(element)@\($0)" } ?? element)
        guard words.has(key) else {
            return attribute.map { "<\(element)> @\($0)" } ?? "<\(element)>"
        }
        return words("diagnostic.field", ["words": words[key], "name": attribute ?? element])
    }
}
