import Foundation
import WuyouCore

/// Writes imported surveys into a folder, never replacing a file wuyou import did not write.
///
/// A file is taken as wuyou's when it is a regular file (not a symbolic link) that starts with
/// the XML declaration and the `<!-- wuyou import: ` comment every imported survey carries on
/// its second line. Anything else of the same name — a survey written by hand, a link — is left
/// alone and reported. Each file is written atomically (``OutputFile``).
public enum SurveyFolder {
    /// The path `survey` is written to in `folder`.
    public static func path(of survey: ImportedSurvey, in folder: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + survey.fileStem + ".xml"
    }

    /// Writes each survey to `folder/<stem>.xml`, creating the folder if needed.
    ///
    /// - Returns: The paths written, and a diagnostic for each survey that was not.
    ///
    /// - Parameter inputs: The files the import reads, which are never written.
    public static func write(_ surveys: [ImportedSurvey], to folder: String, inputs: [String]) -> (written: [String], problems: [Diagnostic]) {
        if let problem = makeFolder(folder) { return ([], [problem]) }
        let ownership = OutputFile.Ownership.startingWith(SurveyXMLWriter.declaration + "\n" + SurveyXMLWriter.marker, inputs: inputs)
        var written: [String] = []
        var problems: [Diagnostic] = []
        for survey in surveys {
            let path = path(of: survey, in: folder)
            guard mayReplace(path) else {
                problems.append(Diagnostic(.workbookOutputNotOurs, at: Diagnostic.Location(file: path)))
                continue
            }
            do {
                try OutputFile.write(survey.bytes, to: path, ownership: ownership)
                written.append(path)
            } catch {
                problems += error.items
            }
        }
        return (written, problems)
    }

    /// Creates `folder` and its parents; the problem when that cannot be done.
    private static func makeFolder(_ folder: String) -> Diagnostic? {
        func problem(_ code: Int32) -> Diagnostic {
            Diagnostic(.outputCannotWrite, at: Diagnostic.Location(file: folder), ["reason": .systemError(code)])
        }
        var status = stat()
        if stat(folder, &status) == 0 {
            return status.st_mode & S_IFMT == S_IFDIR ? nil : problem(ENOTDIR)
        }
        // One level a call: a path has at most a few thousand components.
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder, makeFolder(parent) != nil { return problem(errno) }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { return problem(errno) }
        return nil
    }

    /// Whether nothing is at `path`, or a survey wuyou import wrote.
    static func mayReplace(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return errno == ENOENT }
        guard status.st_mode & S_IFMT == S_IFREG else { return false }
        let prefix = Array((SurveyXMLWriter.declaration + "\n" + SurveyXMLWriter.marker).utf8)
        guard let bytes = try? InputFile.bytes(at: path) else { return false }
        return bytes.starts(with: prefix)
    }
}
