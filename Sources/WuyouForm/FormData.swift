import Foundation
import WuyouWords
import WuyouCore
import WuyouReports

/// The data `form.js` reads from the page: the survey format's paths in page order, the
/// checklist's rooms, categories and requirements with the survey fields each one reads
/// (``Rule/inputs``), and every message the script shows.
///
/// The form never judges compliance: the requirements are here only so that the script can
/// say which of them still lack a field, grouped as the report groups them.
enum FormData {
    /// Key under which the page keeps a draft in `localStorage`; a format version, not a
    /// checklist, so a draft survives a new release of the form.
    static let storageKey = "wuyou-form/1"

    /// The JSON, with `<`, `>`, `&` and the JavaScript line separators escaped so that the
    /// text can sit inside a `<script type="application/json">` element.
    static func json(checklist: Checklist, language: ReportLanguage) -> String {
        let object = value(checklist: checklist, language: language)
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        var result = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func value(checklist: Checklist, language: ReportLanguage) -> [String: Any] {
        let text = FormText(language: language)
        let labels = HTMLLabels(language: language)
        let paths = FormCatalogue.allPaths
        return [
            "namespace": SurveyReader.namespace,
            "storageKey": storageKey,
            "checklist": ["id": checklist.id, "version": checklist.version],
            "paths": paths,
            "labels": Dictionary(uniqueKeysWithValues: paths.map { ($0, text.label($0)) }),
            "lists": FormCatalogue.lists.map { list -> [String: Any] in
                [
                    "row": list.row, "rowPath": list.rowPath, "recordedBy": list.recordedBy ?? "",
                    "rowName": text.rowName(list.row),
                ]
            },
            "rooms": checklist.rooms.map { ["code": $0.code, "label": $0.label.text(language.rawValue)] },
            "categories": categories(of: checklist, language: language),
            "severities": [
                ["id": Requirement.Severity.mandatory.rawValue, "label": labels[.severityMandatory]],
                ["id": Requirement.Severity.recommended.rawValue, "label": labels[.severityRecommended]],
            ],
            "requirements": checklist.requirements.map { requirement(of: $0, language: language, text: text) },
            "messages": text.messages,
        ]
    }

    /// The checklist's categories in its order, then any a requirement names without declaring.
    private static func categories(of checklist: Checklist, language: ReportLanguage) -> [[String: String]] {
        var result = checklist.categories.map { ["id": $0.id, "label": $0.label.text(language.rawValue)] }
        for requirement in checklist.requirements where !result.contains(where: { $0["id"] == requirement.category }) {
            result.append(["id": requirement.category, "label": requirement.category])
        }
        return result
    }

    private static func requirement(of requirement: Requirement, language: ReportLanguage, text: FormText) -> [String: Any] {
        let inputs: [[String: String]] = requirement.rule.inputs.compactMap { input in
            switch input {
            case .fact(let fact):
                ["kind": "fact", "path": fact.path]
            case .inventory(let inventory):
                ["kind": "list", "path": FormCatalogue.recordingPath(of: inventory)]
            case .expression:
                // Read through `recordedIf` below: the expression named here may be the test itself,
                // whose falsehood is a gap, not a blank.
                nil
            }
        }
        return [
            "id": requirement.id,
            "title": requirement.title.text(language.rawValue),
            "severity": requirement.severity.rawValue,
            "category": requirement.category,
            "facility": requirement.facility,
            "centralOnly": requirement.centralOnly,
            "effectiveFrom": requirement.effectiveFrom?.text ?? "",
            "inputs": inputs,
            "recordedIf": requirement.rule.recordedIf,
        ]
    }
}
