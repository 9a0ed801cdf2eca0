import Foundation
import WuyouCore

/// The one place diagnostics become words: each ``DiagnosticCode`` in Chinese and English,
/// and the compiler-style line every command prints, `file:line:col: message`.
public struct DiagnosticText: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// `file:line:col: message` (`file:SHEET!CELL: message` for a workbook cell); a warning's
    /// message starts with `warning: ` (`警告：`). Always one line, safe for a terminal.
    public func line(for diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let place = if let cell = location.cell {
            "\(location.file):\(cell)"
        } else {
            "\(location.file):\(location.line ?? 1):\(location.column ?? 1)"
        }
        let prefix = diagnostic.severity == .warning ? language.pick("警告：", "warning: ") : ""
        return TerminalText.escaped("\(place): \(prefix)\(message(for: diagnostic))")
    }

    /// The message alone, in this language, on one line.
    public func message(for diagnostic: Diagnostic) -> String {
        let (zh, en) = wording(of: diagnostic)
        return Self.oneLine(fill(language.pick(zh, en), with: diagnostic.arguments))
    }

    /// Replaces each `{name}` with the argument `name`, worded for this language; `{field}` is
    /// the element and attribute in words.
    private func fill(_ template: String, with arguments: [String: DiagnosticArgument]) -> String {
        var arguments = arguments
        if case .text(let element)? = arguments["element"] {
            var attribute: String?
            if case .text(let name)? = arguments["attribute"] { attribute = name }
            arguments["field"] = .text(SurveyFieldNames.name(element: element, attribute: attribute, language: language))
        }
        // By UTF-8 offsets: braces are ASCII, so they always sit between whole characters.
        var result = ""
        var rest = template.utf8[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "{")),
              let close = rest[open...].firstIndex(of: UInt8(ascii: "}")) {
            result += Substring(rest[..<open])
            let name = String(Substring(rest[rest.index(after: open)..<close]))
            let limit = name == "message" ? InputLimits.quotedMessageLength : InputLimits.quotedLength
            result += arguments[name].map { word($0, shortenedTo: limit) } ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + Substring(rest)
    }

    private func word(_ argument: DiagnosticArgument, shortenedTo limit: Int) -> String {
        switch argument {
        case .text(let text): text
        case .quoted(let text): Self.shortened(text, to: limit)
        case .withheld: language.pick("（公开版不引用原文）", "(not quoted on a public site)")
        case .number(let number): DecimalText.text(number)
        case .localized(let text): text.text(language.rawValue)
        case .list(let items): items.joined(separator: language.pick("、", ", "))
        }
    }

    /// Input text as a message quotes it: on one line, and at most
    /// ``InputLimits/quotedLength`` characters (a 100,000-character name is quoted by its start).
    static func shortened(_ text: String, to limit: Int) -> String {
        let line = oneLine(text)
        // A character is at least one byte: short texts need no counting of characters.
        guard line.utf8.count > limit, line.count > limit else { return line }
        return String(line.prefix(limit)) + "…"
    }

    /// Line breaks and other control characters in quoted input become spaces, so that no
    /// message can span two lines or forge one.
    static func oneLine(_ text: String) -> String {
        guard hasControl(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }

    /// Whether `text` holds a control character (general category Cc: U+0000–U+001F, U+007F
    /// and U+0080–U+009F, which UTF-8 writes as C2 80–C2 9F), found from its bytes.
    private static func hasControl(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
            previous = byte
        }
        return false
    }

    private func documentKind(_ arguments: [String: DiagnosticArgument]) -> (zh: String, en: String) {
        switch arguments["kind"] {
        case .text("checklist")?: ("检查清单", "a checklist")
        default: ("调查表", "a survey")
        }
    }

    /// What is wrong with a template's syntax, by the `reason` its diagnostic carries.
    private func templateSyntax(_ arguments: [String: DiagnosticArgument]) -> (String, String) {
        let (zh, en): (String, String) = switch arguments["reason"] {
        case .text("unfinished-tag")?: ("标签没有结束", "a tag is not finished")
        case .text("section-not-closed")?: ("区块“{name}”没有关闭", "a section is not closed")
        case .text("close-without-open")?: ("关闭标签“{name}”没有对应的开始标签", "the closing tag “{name}” closes nothing")
        case .text("close-mismatch")?: ("关闭标签与开始的区块不一致", "the closing tag does not match the open section")
        case .text("invalid-delimiters")?: ("分隔符设置标签格式不对", "a set-delimiter tag is malformed")
        case .text("empty-name")?: ("标签中没有名称", "a tag has no name")
        default: ("不支持{name}", "{name} is not supported")
        }
        return ("不是有效的 mustache 模板：" + zh, "not a valid mustache template: " + en)
    }

    // MARK: Wording

    /// The Chinese and English wording of `diagnostic`, with `{name}` for its arguments.
    private func wording(of diagnostic: Diagnostic) -> (String, String) {
        switch diagnostic.code {
        case .fileNotFound:
            ("文件不存在", "no such file")
        case .fileUnreadable:
            ("无法读取文件：{reason}", "cannot read the file: {reason}")
        case .fileIsDirectory:
            ("这是一个文件夹，不是文件", "cannot read the file: it is a directory")
        case .fileNotRegular:
            ("不是普通文件（可能是管道或设备），不予读取", "cannot read the file: not a regular file")
        case .fileTooLarge:
            ("文件超过 {limit} 字节，调查表不会这么大", "the file is larger than {limit} bytes; a survey is never that big")
        case .xmlEmpty:
            ("文件是空的：应为 XML 文档", "the file is empty: expected an XML document")
        case .xmlDoctype:
            {
                let kind = documentKind(diagnostic.arguments)
                return ("不允许 DOCTYPE：\(kind.zh)不得声明 DTD 或实体",
                        "a DOCTYPE is not allowed: \(kind.en) must not declare a DTD or entities")
            }()
        case .xmlMalformed, .xmlResource, .surveySchema, .checklistSchema:
            diagnostic.arguments["message"] == .withheld
                ? ("文件有错误，不能使用（公开版不引用原文）", "the file has an error and cannot be used (not quoted on a public site)")
                : ("{message}", "{message}")
        case .xmlNotUTF8:
            ("文件声明为 UTF-8，但其中有不是 UTF-8 的字节：请用 UTF-8 重新保存",
             "the file says it is UTF-8 but holds bytes that are not: save it again as UTF-8")
        case .xmlLooksLikeGB18030:
            ("文件声明为 UTF-8，但内容看起来是 GBK/GB18030 编码（记事本“ANSI”保存时常见）：请另存为 UTF-8，或把第一行改为 <?xml version=\"1.0\" encoding=\"GB18030\"?>",
             "the file says it is UTF-8 but looks like GBK/GB18030 (what Notepad saves as “ANSI”): save it as UTF-8, or change its first line to <?xml version=\"1.0\" encoding=\"GB18030\"?>")
        case .xmlEncodingUnsupported:
            diagnostic.arguments["declared"] == nil
                ? ("文件的编码是 {encoding}，无法读取：请另存为 UTF-8（可以读取的编码：{accepted}）",
                   "the file is encoded in {encoding}, which wuyou does not read: save it as UTF-8 (readable encodings: {accepted})")
                : ("文件的字节是 {encoding} 编码，第一行却声明为 {declared}：请改正声明，或另存为 UTF-8",
                   "the file's bytes are {encoding} but its declaration says {declared}: correct the declaration or save the file as UTF-8")
        case .xmlTruncated:
            ("文件在这里意外结束，内容不完整（{message}）：可能没有保存完整或复制不全",
             "the file ends too early ({message}): it was probably not saved or copied whole")
        case .xmlTooManyElements:
            ("元素超过 {limit} 个，不予读取", "more than {limit} elements; the file is not read")
        case .xmlTooManyAttributes:
            ("一个元素有 {count} 个属性，超过上限 {limit}，不予读取", "{count} attributes on one element, more than {limit}; the file is not read")
        case .moreErrors:
            ("……另有 {count} 处错误未列出", "… and {count} more errors")
        case .surveyTooMany:
            ("<{element}> 有 {count} 个，超过上限 {limit}", "{count} <{element}> elements, more than the limit of {limit}")
        case .surveyTextTooLong:
            ("{what} 长 {length} 个字符，超过上限 {limit}", "{what} is {length} characters long, more than the limit of {limit}")
        case .moreWarnings:
            ("……另有 {count} 条提示未列出", "… and {count} more warnings")
        case .surveyNamespaceMissing:
            ("根元素 <survey> 没有写命名空间：请写成 <survey xmlns=\"urn:wuyou:survey:1\" …>",
             "<survey> has no namespace: write <survey xmlns=\"urn:wuyou:survey:1\" …>")
        case .surveyNamespaceWrong:
            ("<survey> 的命名空间是“{found}”，应为 urn:wuyou:survey:1（调查表格式第 1 版）",
             "<survey> is in the namespace “{found}”; the survey format is urn:wuyou:survey:1")
        case .surveyRootWrong:
            ("这不是调查表：根元素是 <{element}>，应为 <survey xmlns=\"urn:wuyou:survey:1\">",
             "this is not a survey: its root element is <{element}>, not <survey xmlns=\"urn:wuyou:survey:1\">")
        case .surveyElementUnknown:
            diagnostic.arguments["suggestion"] != nil
                ? ("调查表格式中没有 <{element}>；是否应为 <{suggestion}>？", "the survey format has no <{element}>; did you mean <{suggestion}>?")
                : ("调查表格式中没有 <{element}>；自定义内容请放在其他命名空间中", "the survey format has no <{element}>; put fields of your own in another namespace")
        case .surveyElementMisplaced:
            ("<{element}> 不能出现在这个位置：请对照调查表格式检查它的上级元素", "<{element}> cannot stand here: check which element it belongs in")
        case .surveyElementNoNamespace:
            ("<{element}> 没有命名空间：调查表的元素属于 urn:wuyou:survey:1，自定义元素请放在其他命名空间中",
             "<{element}> has no namespace: survey elements are in urn:wuyou:survey:1, fields of your own belong in another namespace")
        case .surveyElementText:
            ("<{element}> 里不能直接写文字，只能写属性或下级元素", "<{element}> cannot hold text, only attributes and elements")
        case .surveyAttributeUnknown:
            diagnostic.arguments["suggestion"] != nil
                ? ("<{element}> 没有属性 {attribute}；是否应为 {suggestion}？", "<{element}> has no attribute {attribute}; did you mean {suggestion}?")
                : ("<{element}> 没有属性 {attribute}（可用的有：{allowed}）", "<{element}> has no attribute {attribute} (it has: {allowed})")
        case .surveyAttributeMissing:
            ("<{element}> 缺少必填的{field}", "<{element}> lacks {field}, which is required")
        case .surveyDateFormat:
            ("{field}“{value}”不是日期：请写成 年-月-日，如 2024-06-18（月、日不足两位时前面补 0）",
             "{field} “{value}” is not a date: write year-month-day, e.g. 2024-06-18 (two digits for month and day)")
        case .surveyValueNotBoolean:
            ("{field}应填 true（是）或 false（否），现为“{value}”；不知道就删去这个属性",
             "{field} must be true or false, not “{value}”; leave the attribute out when it is not known")
        case .surveyValueNotNumber:
            ("{field}“{value}”不是数字：只写数字，不写单位或文字", "{field} “{value}” is not a number: write digits only, without a unit")
        case .surveyValueNotWhole:
            ("{field}应为整数，现为“{value}”", "{field} must be a whole number, not “{value}”")
        case .surveyValueNegative:
            ("{field}不能是负数，现为“{value}”", "{field} cannot be negative: “{value}”")
        case .surveyValueNotPositive:
            ("{field}应为大于 0 的整数，现为“{value}”", "{field} must be a whole number above 0, not “{value}”")
        case .surveyValueNotInList:
            ("{field}“{value}”不在允许的取值中，应为以下之一：{allowed}", "{field} “{value}” is not allowed; it must be one of {allowed}")
        case .surveyValueEmpty:
            ("{field}不能为空", "{field} cannot be empty")
        case .surveyElementRepeated:
            ("<{parent}> 中只能有一个 <{element}>，第一个在第 {first} 行；请合并或删去重复的一个",
             "<{element}> may appear only once in <{parent}>; the first is on line {first}")
        case .surveyCommunityMissing:
            ("<survey> 必须包含 <community> 元素", "<survey> must contain a <community> element")

        case .roomAlias:
            ("用房“{name}”按别名计为{room}", "room “{name}” was counted as {room} by an alias")
        case .roomSpinnerAlias:
            ("用房“{name}”按别名计为{room}；该名称是误写（如“效劳”应为“服务”），请更正门牌或调查表",
             "room “{name}” was counted as {room} by an alias; the name is a spinner misspelling (效劳 for 服务)")
        case .roomUnknownName:
            diagnostic.arguments["suggestion"] != nil
                ? ("用房“{name}”不是标准用房，未计入；是否应为“{suggestion}”？请核实后更正", "room “{name}” matches no required room and was not counted; did you mean {suggestion}?")
                : ("用房“{name}”不是标准用房，未计入", "room “{name}” matches no required room and was not counted")
        case .roomUnknownCode:
            diagnostic.arguments["suggestion"] != nil
                ? ("用房“{name}”的类型代码“{code}”不在检查表中；是否应为 {suggestion}（{room}）？", "room “{name}” has type code “{code}”, which the checklist does not know; did you mean {suggestion} ({room})?")
                : ("用房“{name}”的类型代码“{code}”不在检查表中", "room “{name}” has type code “{code}”, which the checklist does not know")
        case .roomAreasExceedCentre:
            ("各用房面积合计 {total} m² 超过中心总面积 {area} m²，请核实", "the rooms add up to {total} m², more than the centre's {area} m²")
        case .roomAreaZero:
            ("用房“{name}”面积为 0，请核实", "room “{name}” has an area of 0")
        case .roomsWithoutPremises:
            ("登记为无办公用房，却列出了 {count} 间用房，请核实", "the centre has no premises, yet {count} rooms are listed")
        case .staffImplausible:
            ("工作人员 {count} 人，超过 {limit} 人，请核实", "{count} staff is more than {limit}; check the survey")
        case .surveyDraft:
            ("这是草稿：还有 {count} 处模板说明文字没有替换成实际情况，如 {examples}；草稿不能认定达标",
             "this is a draft: {count} pieces of template text are still to be replaced, such as {examples}; a draft cannot pass")
        case .nothingJudged:
            ("没有任何必备要求能够判定（均为数据缺失或不适用），不能认定达标",
             "no mandatory requirement could be judged (all unknown or not applicable), so the survey cannot pass")
        case .ruleFailed:
            ("要求 {requirement} 无法评估：{message}", "requirement {requirement} could not be evaluated: {message}")

        case .checklistNotFound:
            ("没有名为“{id}”的内置检查清单，也没有这个文件；内置清单：{bundled}",
             "no bundled checklist is called “{id}” and there is no such file; bundled: {bundled}")
        case .checklistDuplicateCategory:
            ("类别 id “{value}”重复（第一次在第 {first} 行）", "duplicate category id \"{value}\" (first on line {first})")
        case .checklistDuplicateRoom:
            ("用房代码“{value}”重复（第一次在第 {first} 行）", "duplicate room code \"{value}\" (first on line {first})")
        case .checklistDuplicateRequirement:
            ("要求 id “{value}”重复（第一次在第 {first} 行）", "duplicate requirement id \"{value}\" (first on line {first})")
        case .checklistUnknownCategory:
            ("要求 {requirement}：未知类别“{category}”", "requirement {requirement}: unknown category \"{category}\"")
        case .checklistInvalidEffectiveDate:
            ("要求 {requirement}：effective-from “{value}”不是日期", "requirement {requirement}: effective-from \"{value}\" is not a date")
        case .checklistUnknownRoom:
            ("要求 {requirement}：未知用房代码“{code}”", "requirement {requirement}: unknown room code \"{code}\"")
        case .checklistUnknownRuleKind:
            ("要求 {requirement}：未知规则类型“{kind}”", "requirement {requirement}: unknown rule kind \"{kind}\"")
        case .checklistEmptyAllOf:
            ("要求 {requirement}：all-of 至少需要一条子规则", "requirement {requirement}: all-of needs at least one child rule")
        case .checklistUnusedParameter:
            ("要求 {requirement}：规则类型 {kind} 没有参数“{name}”", "requirement {requirement}: rule kind {kind} has no parameter \"{name}\"")
        case .checklistDuplicateParameter:
            ("要求 {requirement}：参数“{name}”重复", "requirement {requirement}: parameter \"{name}\" is given twice")
        case .checklistMissingParameter:
            ("要求 {requirement}：规则类型 {kind} 需要参数“{name}”", "requirement {requirement}: rule kind {kind} needs parameter \"{name}\"")
        case .checklistParameterTooSmall:
            ("{name} 不能小于 {minimum}，现为 {value}", "{name} must be at least {minimum}, not {value}")
        case .checklistParameterNotAbove:
            ("{name} 必须大于 {floor}，现为 {value}", "{name} must be more than {floor}, not {value}")
        case .checklistParameterNotWhole:
            ("{name} 必须是 0 到 1000000 之间的整数，现为 {value}", "{name} must be a whole number of items up to 1000000, not {value}")
        case .checklistParameterNotDecimal:
            ("{name}“{value}”不是数字", "{name} \"{value}\" is not a decimal number")
        case .checklistParameterNotBoolean:
            ("参数 {name}“{value}”应为 true 或 false", "parameter {name} \"{value}\" is not true or false")
        case .checklistParameterNotStatus:
            ("参数 {name} 应为 {allowed} 之一，现为“{value}”", "parameter {name} must be one of {allowed}, not \"{value}\"")
        case .checklistNegativeAmount:
            ("{name} 不能为负数，现为 {value}", "{name} must be at least 0, not {value}")
        case .checklistUnknownFact:
            ("未知事实“{fact}”", "unknown fact \"{fact}\"")
        case .checklistFactWrongType:
            ("事实“{fact}”不是 {type} 类型", "fact \"{fact}\" is not a {type} fact")
        case .checklistInventoryNotAllowed:
            ("清单“{value}”不在 {allowed} 之中", "inventory \"{value}\" is not one of {allowed}")
        case .checklistUnknownFlag:
            ("{inventory} 的条目没有标志“{value}”（可用：{allowed}）", "{inventory} have no flag \"{value}\" (only {allowed})")
        case .checklistXPathInvalid:
            ("要求 {requirement}：XPath “{expression}”无法使用：{problem}",
             "requirement {requirement}: XPath \"{expression}\" does not compile: {problem}")

        case .checklistTitleNumber:
            ("要求 {requirement} 的标题“{title}”写的是 {stated}，规则的参数却是 {parameters}：标题和标准不一致，请核对",
             "requirement {requirement}: its title “{title}” states {stated} but its rule uses {parameters}; the title and the standard disagree")
        case .templateFolderUnreadable:
            ("无法读取模板文件夹", "cannot read the template folder")
        case .templateInvalid:
            templateSyntax(diagnostic.arguments)
        case .templateNotAFile:
            ("模板必须是模板文件夹中的普通文件，不接受符号链接或其他类型的文件",
             "a template must be a regular file in the template folder, not a symbolic link or anything else")
        case .templateUnknownName:
            diagnostic.arguments["suggestion"] == nil
                ? ("模板引用了不存在的名称“{name}”", "the template reads “{name}”, which does not exist here")
                : ("模板引用了不存在的名称“{name}”，是否应为“{suggestion}”？",
                   "the template reads “{name}”, which does not exist here; did you mean “{suggestion}”?")
        case .templateNotPrintable:
            ("“{name}”是列表或分组，不能直接输出，只能用作区块（# 开头）", "“{name}” is a list or a group: use it as a section (with #), not as text")
        case .templateUnescapedText:
            ("“{name}”可能含有调查表中的文字，必须转义输出：请用两层花括号而不是三层（或 &）",
             "“{name}” may hold text from a survey and must be escaped: use two braces, not three (or &)")
        case .templateMissingPartial:
            ("没有名为“{name}”的模板", "there is no template named “{name}”")
        case .templateRecursion:
            ("模板互相包含，无法展开：{chain}", "templates include each other and cannot be expanded: {chain}")
        case .templateTooDeep:
            ("区块和子模板嵌套超过 {limit} 层", "sections and partials are nested more than {limit} deep")
        case .templateTooLarge:
            ("展开子模板后超过 {limit} 个部分", "more than {limit} pieces once partials are expanded")

        case .baselineUnreadable:
            ("无法作为上次汇总：文件无法读取", "cannot use as a baseline: the file cannot be read")
        case .baselineNotJSON:
            ("无法作为上次汇总：不是有效的 JSON", "cannot use as a baseline: not valid JSON")
        case .baselineWrongFormat:
            ("无法作为上次汇总：格式为 {format}，应为 wuyou-audit/1（wuyou audit 生成的 audit.json）",
             "cannot use as a baseline: its format is {format}, expected wuyou-audit/1 (the audit.json of `wuyou audit`)")
        case .baselineInvalid:
            ("无法作为上次汇总：不是 wuyou-audit/1 文档（{detail}）", "cannot use as a baseline: not a wuyou-audit/1 document ({detail})")

        case .baselineOutOfRange:
            ("无法作为上次汇总：{field} 为 {value}，应在 0 到 1 之间", "cannot use as a baseline: {field} is {value}, not between 0 and 1")
        case .auditDuplicateID:
            ("重复的调查编号 {id}（已在 {first} 中使用），本文件未纳入统计",
             "duplicate survey id {id} (already used by {first}); this file was left out")
        case .auditFolderUnreadable:
            ("无法列出文件夹内容：没有权限或无法读取", "cannot list the folder: permission denied or unreadable")
        case .auditNoSurveys:
            ("没有找到调查表（*.xml）", "no survey (*.xml) found")
        case .auditOutputNotASite:
            ("不是 wuyou audit 生成的网站：其中的 {file} 不是 wuyou 写入的，为免删除它，不予覆盖；请换一个 --out 或先移走它",
             "is not a site written by `wuyou audit`: wuyou did not write {file} in it and will not delete it; choose another --out or move it away")
        case .auditOutputNotAFolder:
            ("已存在且不是文件夹，不予覆盖；请换一个 --out", "exists and is not a folder; choose another --out")
        case .auditOutputLocked:
            ("另一个 wuyou audit 正在发布到这里；请等它结束后再运行", "another wuyou audit is publishing here; run again when it has finished")
        case .auditInputMissing:
            ("找不到这个输入文件或文件夹；没有发布任何内容，原网站保持不变",
             "no such file or folder; nothing was published and the site is as it was")
        case .auditInputInsideOutput:
            ("这个输入位于输出文件夹 {output} 之内，发布时会被删除；请把调查表放在网站文件夹之外",
             "this input lies inside the output folder {output}, which publishing replaces; keep surveys outside the site folder")
        case .auditNothingRead:
            ("没有读到任何可用的调查表，未发布网站，原网站保持不变", "no survey could be read, so nothing was published and the site is as it was")

        case .workbookUnknownFileKind:
            ("不是调查工作簿：只能导入 .xlsx 文件或 .csv 文件", "not a survey workbook: only .xlsx and .csv files can be imported")
        case .workbookCompoundFile:
            ("是旧版 .xls 或加密的工作簿：请在 Excel/WPS 中取消密码并另存为 .xlsx",
             "an old .xls or password-protected workbook: remove the password and save it as .xlsx")
        case .workbookNotZip:
            ("不是 .xlsx 工作簿（文件不是 zip 格式）", "not an .xlsx workbook (the file is not a zip archive)")
        case .workbookZipInvalid:
            diagnostic.arguments["part"] == nil
                ? ("工作簿已损坏：zip 目录无法读取", "the workbook is damaged: its zip directory cannot be read")
                : ("工作簿已损坏：无法读取 {part}", "the workbook is damaged: cannot read {part}")
        case .workbookZipTooManyEntries:
            ("工作簿包含 {count} 个部件，超过上限 {limit}，不予读取", "the workbook holds {count} parts, more than the limit of {limit}")
        case .workbookZipTooLarge:
            ("工作簿的 {part} 解压后超过 {limit} 字节，不予读取（可能是压缩炸弹）",
             "{part} inflates to more than {limit} bytes; not read (a zip bomb?)")
        case .workbookPartMissing:
            ("工作簿缺少 {part}", "the workbook has no {part}")
        case .workbookPartInvalid:
            ("工作簿的 {part} 无法读取：{message}", "cannot read {part} in the workbook: {message}")
        case .workbookPartDoctype:
            ("工作簿的 {part} 声明了 DTD，不予读取", "{part} in the workbook declares a DTD; not read")
        case .workbookPartEncoding:
            diagnostic.arguments["declared"] == nil
                ? ("工作簿的 {part} 编码是 {encoding}，无法读取（可以读取的编码：{accepted}）：请在 Excel/WPS 中打开并另存",
                   "{part} in the workbook is encoded in {encoding}, which wuyou does not read (readable encodings: {accepted}): open the workbook in Excel or WPS and save it again")
                : ("工作簿的 {part} 的字节是 {encoding} 编码，却声明为 {declared}：请在 Excel/WPS 中打开并另存",
                   "{part} in the workbook is in {encoding} but declares {declared}: open the workbook in Excel or WPS and save it again")
        case .workbookPartNotWorksheet:
            ("工作簿的 {part} 不是工作表（根元素是 <{element}>），工作簿可能已损坏",
             "{part} in the workbook is not a worksheet (its root element is <{element}>): the workbook may be damaged")
        case .workbookExternalReference:
            ("工作簿引用了外部内容“{target}”，不予读取：请断开外部链接后另存", "the workbook refers to outside content \"{target}\"; break the links and save it again")
        case .workbookCSVEncoding:
            ("CSV 文件既不是 UTF-8 也不是 GB18030 编码", "the CSV file is neither UTF-8 nor GB18030")
        case .workbookCSVUnterminatedQuote:
            ("此处开始的引号没有结束，文件其余部分无法读取", "the quote opened here is never closed")

        case .workbookCellUnknownType:
            ("单元格类型“{value}”不存在，工作簿可能已损坏",
             "the cell has the type \"{value}\", which no spreadsheet program writes: the workbook may be damaged")
        case .workbookCellNoSharedString:
            ("单元格引用的共享字符串“{value}”不存在（工作簿共有 {count} 个，从 0 起编号），工作簿可能已损坏",
             "the cell refers to shared string \"{value}\", which does not exist (the workbook has {count}, numbered from 0): the workbook may be damaged")
        case .workbookCellBadReference:
            ("单元格位置“{value}”超出工作表范围（A1 至 XFD1048576），工作簿可能已损坏",
             "the cell position \"{value}\" is outside a sheet (A1 to XFD1048576): the workbook may be damaged")
        case .workbookCellBadNumber:
            ("单元格存储的数字“{value}”无法读取（格式不对或超出范围），工作簿可能已损坏",
             "the cell stores the number \"{value}\", which cannot be read (malformed or out of range): the workbook may be damaged")
        case .workbookCellBadBoolean:
            ("单元格存储的逻辑值“{value}”不是 0 或 1，工作簿可能已损坏",
             "the cell stores the boolean \"{value}\", which is neither 0 nor 1: the workbook may be damaged")

        case .workbookSheetUnknown:
            ("工作表“{sheet}”不是调查工作簿的工作表（应为 {expected}），未导入",
             "sheet \"{sheet}\" is not a survey workbook sheet ({expected}) and was not imported")
        case .workbookSheetDuplicate:
            ("工作表“{sheet}”与“{first}”是同一张表，无法确定使用哪一张，未导入任何调查",
             "sheets \"{first}\" and \"{sheet}\" are the same sheet; no survey was imported")
        case .workbookSheetMissing:
            ("没有“调查表”（surveys）工作表，未导入任何调查", "there is no surveys (调查表) sheet; no survey was imported")
        case .workbookHeaderUnknown:
            ("列标题“{header}”既不是列名也不是中文标签；该列有内容的行未导入",
             "column header \"{header}\" is neither a column key nor a label; rows with a value in it were not imported")
        case .workbookHeaderBlank:
            ("此列有内容却没有列标题；该列有内容的行未导入", "this column has values but no header; rows with a value in it were not imported")
        case .workbookHeaderDuplicate:
            ("列“{column}”重复（第一次在 {first} 列）；该列有内容的行未导入",
             "column {column} appears twice (first in column {first}); rows with a value in it were not imported")
        case .workbookColumnMissing:
            ("缺少必填的列“{column}”，本表的行均未导入", "the required column {column} is missing; no row of this sheet was imported")

        case .workbookCellRequired:
            ("{column}必须填写", "{column} is required")
        case .workbookCellNotNumber:
            ("{column}“{value}”不是数字", "{column} \"{value}\" is not a number")
        case .workbookCellWrongUnit:
            ("{column}“{value}”的单位 {found} 不对，应为 {unit}", "{column} \"{value}\" is in {found}, not {unit}")
        case .workbookCellNegative:
            ("{column}“{value}”不能为负数", "{column} \"{value}\" must not be negative")
        case .workbookCellNotWhole:
            ("{column}“{value}”应为整数", "{column} \"{value}\" must be a whole number")
        case .workbookCellNotPositive:
            ("{column}“{value}”应大于 0", "{column} \"{value}\" must be more than 0")
        case .workbookCellDateNotNumber:
            ("{column}显示为日期 {value}，不是数字：请把单元格格式改为“常规”后重新填写",
             "{column} shows the date {value}, not a number: set the cell's format to General and enter it again")
        case .workbookCellNotDate:
            ("{column}“{value}”不是日期（应写成 2024-05-14 或 2024年5月14日）",
             "{column} \"{value}\" is not a date (write 2024-05-14 or 2024年5月14日)")
        case .workbookCellNoSuchDay:
            ("{column}“{value}”不是存在的日期", "{column} \"{value}\" is not a real day")
        case .workbookCellNotBoolean:
            ("{column}“{value}”应为 是 或 否", "{column} \"{value}\" is not yes or no (是/否)")
        case .workbookCellNotHall:
            ("{column}“{value}”应为 是、否 或 无大厅", "{column} \"{value}\" is not 是, 否 or 无大厅")
        case .workbookCellNotPremises:
            ("{column}“{value}”不是用房性质（应为 {allowed} 之一）", "{column} \"{value}\" is not a kind of premises ({allowed})")
        case .workbookCellUnknownRoom:
            ("{column}“{value}”不是检查清单中的用房（{allowed}）；不属于其中任何一类时请留空",
             "{column} \"{value}\" is not a room of the checklist ({allowed}); leave it empty for other rooms")
        case .workbookCellTooLong:
            ("{column}长 {length} 个字符，超过上限 {limit}", "{column} is {length} characters long, more than the limit of {limit}")
        case .workbookCellErrorValue:
            ("{column}是错误值 {value}", "{column} holds the error value {value}")
        case .workbookCellUncalculated:
            ("{column}是没有计算结果的公式：请在 Excel/WPS 中打开并保存一次", "{column} is a formula that was never calculated: open and save the workbook in Excel or WPS")
        case .workbookCellExternalFormula:
            ("{column}的公式引用了其他工作簿，其数值无法核实：请改为填写数值",
             "{column} is a formula reading another workbook, whose value cannot be checked: enter the value itself")

        case .workbookRowUnknownSurvey:
            ("调查编号“{id}”不在调查表中，本行未导入", "survey id \"{id}\" is not in the surveys sheet; this row was not imported")
        case .workbookRowDuplicateID:
            ("调查编号“{id}”与第 {first} 行重复，两份调查都未导入", "survey id \"{id}\" is also on row {first}; neither survey was imported")
        case .workbookRowUnnamedRoom:
            ("用房既没有门牌名称也没有用房类型", "the room has neither a name nor a type")
        case .workbookSurveyNotFound:
            ("工作簿中没有编号为“{id}”的调查（有：{allowed}）", "the workbook has no survey with the id \"{id}\" (it has: {allowed})")
        case .workbookSurveyAmbiguous:
            ("工作簿中有 {count} 份调查，请用 --survey 指定检查哪一份：{allowed}",
             "the workbook holds {count} surveys; name the one to check with --survey: {allowed}")
        case .workbookNoSurvey:
            ("工作簿中没有调查（“调查表”中没有填写的行）", "the workbook holds no survey (the surveys sheet has no rows)")
        case .workbookOutputNotOurs:
            ("已存在且不是 wuyou import 生成的文件，不予覆盖", "exists and was not written by wuyou import; not replaced")
        case .workbookTemplateExists:
            ("已存在，可能填有数据，不予覆盖；请换一个文件名或先移走它",
             "exists and may hold data; not replaced (choose another name or move it away)")

        case .outputCannotWrite:
            ("无法写入：{reason}", "cannot write: {reason}")
        case .outputIsDirectory:
            ("这是一个文件夹，不能写成文件", "cannot write: it is a directory")
        case .outputDanglingLink:
            ("这是一个指向不存在位置的符号链接，不予写入", "cannot write: it is a symbolic link to nothing")
        case .outputNotAFile:
            ("不是普通文件、管道或字符设备，不予写入", "cannot write: not a regular file, pipe or character device")
        }
    }
}
