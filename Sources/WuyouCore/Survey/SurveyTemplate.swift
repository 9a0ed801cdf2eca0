import WuyouWords

/// The survey `wuyou init` prints: a valid survey that judges nothing until it is filled in.
///
/// Only what every survey needs is written as elements (id, date, inspector, community name);
/// every room and fact is a commented-out example saying what to write, so an unedited
/// template has no room and no fact, and every requirement stays `unknown`. Placeholders such
/// as （检查人姓名）mark what is still to fill in; a survey that keeps one is a draft (see
/// ``Survey/placeholders``). Its words, placeholders included, are the catalogue's `init.*`,
/// in the language asked for; the rooms come from the checklist.
public enum SurveyTemplate {
    /// The template's text.
    ///
    /// - Parameters:
    ///   - checklist: Whose rooms are listed (and named in the header).
    ///   - community: The community's name; a placeholder when nil or empty.
    ///   - code: The community's code, if known.
    ///   - date: The survey date, `YYYY-MM-DD`.
    ///   - language: The language of its comments and placeholders.
    public static func text(checklist: Checklist, community: String?, code: String?, date: String, language: ReportLanguage = .zh) -> String {
        let words = Words(language)
        func placeholder(_ name: String) -> String { escaped(words["init.placeholder.\(name)"]) }
        func comment(_ name: String, _ arguments: [String: String] = [:]) -> String { words("init.comment.\(name)", arguments) }
        let name = community.flatMap { $0.isEmpty ? nil : $0 } ?? words["init.placeholder.community"]
        let code = code.flatMap { $0.isEmpty ? nil : $0 }
        let codeAttribute = code.map { " code=\"\(escaped($0))\"" } ?? ""
        let rooms = checklist.rooms.map { room in
            "      <room type=\"\(room.code)\" area=\"\(placeholder("room-area"))\">\(escaped(room.label.text(language.rawValue)))</room>"
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- \(comment("header", ["checklist": escaped(checklist.id), "version": escaped(checklist.version)])) -->
        <survey xmlns="urn:wuyou:survey:1" id="\(escaped(surveyID(community: name, code: code, date: date)))" date="\(escaped(date))">
          <inspector>\(placeholder("inspector"))</inspector>
          <!-- \(comment("inspectors")) -->
          <community name="\(escaped(name))"\(codeAttribute) subdistrict="\(placeholder("subdistrict"))"/>
          <!-- \(comment("community")) -->

          <!-- \(comment("centre"))
            <centre area="\(placeholder("centre-area"))" premises="\(placeholder("premises"))">
              <hall one-door="\(placeholder("one-door"))" windows="\(placeholder("windows"))"/>
        \(rooms)
          </centre>
          -->

          <!-- \(comment("station"))
          <service-station>
            <staff full-time="\(placeholder("full-time"))" part-time="\(placeholder("part-time"))"/>
            <duties documented="\(placeholder("documented"))" posted="\(placeholder("posted"))"/>
            <services>
              <service>\(placeholder("service"))</service>
            </services>
            <regulations>
              <regulation>\(placeholder("regulation"))</regulation>
            </regulations>
            <department-windows>
              <department name="\(placeholder("department"))" window="\(placeholder("window"))"/>
            </department-windows>
          </service-station>
          -->

          <!-- \(comment("functions"))
          <governance residents-congress="\(placeholder("residents-congress"))" consultation-council="\(placeholder("consultation-council"))"
                      elections="\(placeholder("elections"))" decisions="\(placeholder("decisions"))" management="\(placeholder("management"))"
                      supervision="\(placeholder("supervision"))" access-system="\(placeholder("access-system"))"/>
          <environment long-term-mechanism="\(placeholder("long-term-mechanism"))"/>
          <safety emergency-plan="\(placeholder("emergency-plan"))"/>
          <education teams="\(placeholder("teams"))"/>
          <information platform="\(placeholder("platform"))"/>
          -->

          <!-- \(comment("funding"))
          <funding staff-monthly-subsidy="\(placeholder("staff-monthly-subsidy"))" office-funds="\(placeholder("office-funds"))"
                   leader-annual-subsidy="\(placeholder("leader-annual-subsidy"))"/>
          <training days="\(placeholder("training-days"))"/>
          -->

          <!-- \(comment("developments"))
          <developments>
            <development name="\(placeholder("development"))" floor-area="\(placeholder("floor-area"))" service-space="\(placeholder("service-space"))"
                         funds-in-lieu-area="\(placeholder("funds-in-lieu-area"))"/>
          </developments>
          -->

          <!-- <notes>\(placeholder("notes"))</notes> -->
        </survey>

        """
    }

    /// Every placeholder `wuyou init` writes, in every language: only these make a draft. A
    /// value an office writes in brackets itself, such as （无）, is a value like any other.
    public static let placeholders: Set<String> = Set(ReportLanguage.allCases.flatMap { language in
        Words.catalogue(for: language).entries.compactMap { $0.key.hasPrefix("init.placeholder.") ? $0.value : nil }
    })

    /// The bytes every placeholder starts with: most values are told apart by their first byte.
    private static let firstBytes: Set<UInt8> = Set(placeholders.compactMap(\.utf8.first))

    /// Whether `value` (trimmed) is one of ``placeholders``.
    public static func isPlaceholder(_ value: String) -> Bool {
        placeholders.contains(XMLValues.trimmed(value))
    }

    /// ``isPlaceholder(_:)`` of UTF-8 bytes: most values are rejected by their first byte,
    /// without making a string.
    static func isPlaceholder(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let core = XMLValues.trimmingASCIISpace(utf8)
        guard let first = core.first else { return false }
        if !firstBytes.contains(first), !XMLValues.endsInWhiteSpace(core) { return false }
        return isPlaceholder(String(decoding: utf8, as: UTF8.self))
    }

    /// The placeholder `id` still holds, if any: `wuyou init` without `--community` builds the
    /// id from the name's placeholder, and a survey keeping it stays a draft.
    public static func placeholder(inID id: String) -> String? {
        // Compared as bytes, and only when the id holds a byte a placeholder starts with: every
        // survey's id is looked at, and Foundation's substring search was a sixth of an audit.
        let bytes = Array(id.utf8)
        guard bytes.contains(where: firstBytesInIDs.contains) else { return nil }
        return placeholdersInIDs.first { bytes.firstRange(of: $0.inID) != nil }?.placeholder
    }

    /// Each placeholder as ``surveyID(community:code:date:)`` writes it into an id, in a fixed order.
    private static let placeholdersInIDs: [(placeholder: String, inID: [UInt8])] = placeholders.sorted().map {
        ($0, Array(idStem($0).utf8))
    }

    private static let firstBytesInIDs: Set<UInt8> = Set(placeholdersInIDs.compactMap(\.inID.first))

    /// A survey id two communities never share: the community's code, or else its name,
    /// then the date.
    public static func surveyID(community: String, code: String?, date: String) -> String {
        "\(idStem(code ?? community))-\(date)"
    }

    private static func idStem(_ name: String) -> String {
        name.unicodeScalars.map { scalar -> String in
            scalar.properties.isWhitespace || scalar == "/" ? "-" : String(scalar)
        }.joined()
    }

    private static func escaped(_ text: String) -> String {
        XMLText.escaped(text)
    }
}
