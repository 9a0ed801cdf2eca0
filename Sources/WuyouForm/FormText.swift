import WuyouCore
import WuyouReports
import WuyouWords

/// Every word of the survey form, from the catalogue's `form.*`: the label, unit and one-line
/// hint of each control (by its survey path), the headings, and the messages the page's script
/// shows. The script holds no words of its own; it reads ``messages`` from the page's data.
struct FormText: Sendable {
    let language: ReportLanguage
    let words: Words

    init(language: ReportLanguage) {
        self.language = language
        words = Words(language)
    }

    // MARK: Controls

    /// What a control asks, e.g. `户数` / `Households`.
    func label(_ path: String) -> String {
        words.has("form.label.\(path)") ? words["form.label.\(path)"] : path
    }

    /// The unit written beside a number, or "".
    func unit(_ path: String) -> String {
        words.has("form.unit.\(path)") ? words["form.unit.\(path)"] : ""
    }

    /// One line on what to write.
    func hint(_ path: String) -> String {
        words.has("form.hint.\(path)") ? words["form.hint.\(path)"] : ""
    }

    /// The two choices of a presence control: the element left out, and the element present.
    func presenceChoices(_ path: String) -> (absent: String, present: String) {
        let kind = path == "centre" || path == "centre/hall" ? path : "list"
        return (words["form.presence.\(kind).absent"], words["form.presence.\(kind).present"])
    }

    // MARK: Page

    func sectionHeading(_ id: String) -> String {
        words.has("form.section.\(id)") ? words["form.section.\(id)"] : id
    }

    /// The heading over a repeated list, e.g. `用房` / `Rooms`.
    func listHeading(_ row: String) -> String {
        words.has("form.list.\(row)") ? words["form.list.\(row)"] : row
    }

    /// One row's name, followed by its number, e.g. `用房` → `用房 2`.
    func rowName(_ row: String) -> String {
        words.has("form.row.\(row)") ? words["form.row.\(row)"] : row
    }

    func addLabel(_ row: String) -> String {
        words["form.add.\(row)"]
    }

    var yes: String { words["form.yes"] }
    var no: String { words["form.no"] }
    var unset: String { words["form.unset"] }
    var required: String { words["form.required"] }
    var remove: String { words["form.remove"] }
    var number: String { words["form.number"] }
    var title: String { words["form.title"] }
    var toolbar: String { words["form.toolbar"] }
    var newForm: String { words["form.new-form"] }
    var openFile: String { words["form.open-file"] }
    var save: String { words["form.save"] }
    var summaryHeading: String { words["form.summary-heading"] }
    var summaryIntro: String { words["form.summary-intro"] }
    var noScript: String { words["form.no-script"] }
    var signature: String { words["form.signature"] }
    var signatureCommunity: String { words["form.signature-community"] }
    var signatureDate: String { words["form.signature-date"] }
    var printYear: String { words["form.print-year"] }
    var printMonth: String { words["form.print-month"] }
    var printDay: String { words["form.print-day"] }
    var printUsage: String { words["form.print-usage"] }
    func subtitle(checklist: Checklist) -> String {
        words("form.subtitle", ["id": checklist.id, "version": checklist.version])
    }
    func pageTitle(checklist: Checklist) -> String {
        words("form.page-title", ["title": title, "checklist": checklist.title.text(language.rawValue)])
    }

    // MARK: Messages read by the script

    /// The messages `form.js` shows, by key (the catalogue's `form.message.<key>`); `{…}` marks
    /// a value the script fills in.
    var messages: [String: String] {
        let prefix = "form.message."
        return Dictionary(uniqueKeysWithValues: Words.catalogue(for: language).keys.filter { $0.hasPrefix(prefix) }.map {
            (String($0.dropFirst(prefix.count)), words[$0])
        })
    }
}
