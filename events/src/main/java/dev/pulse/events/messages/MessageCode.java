package dev.pulse.events.messages;

/**
 * Every message Pulse shows a user, with its stable code and its English and Chinese texts: the
 * one catalogue of ingest, the importer and the report API. Programs and support match the code;
 * the texts may be reworded. {@code {field}} is the field a message is about (its Chinese name in
 * Chinese), {@code {0}}, {@code {1}}... are the message's arguments.
 *
 * <p>The English texts of the validation messages leave the field out, as they always have: an
 * API error carries the field beside its message, and clients compare those texts.
 */
public enum MessageCode {

    // V: the field rules of events (events/validation), given by ingest, the importer and readers of the topics
    REQUIRED("PULSE-V001", "is required", "{field}必填"),
    NOT_A_STRING("PULSE-V002", "must be a string", "{field}必须是文本"),
    TOO_LONG("PULSE-V003", "must be at most {0} characters", "{field}最多 {0} 个字符"),
    CONTROL_CHARACTERS("PULSE-V004", "must not contain control characters", "{field}不能含控制字符"),
    BROKEN_UNICODE("PULSE-V005", "must be valid Unicode text (it holds an unpaired surrogate)",
            "{field}含有无效的 Unicode 字符（不成对的代理项）"),
    BIDI_CHARACTERS("PULSE-V006", "must not contain bidi embedding, override or isolate characters",
            "{field}不能含双向文本控制字符"),
    ONE_OF("PULSE-V007", "must be one of {0}", "{field}只能是以下之一：{0}"),
    NOT_A_UUID("PULSE-V008", "must be a UUID such as 3f2b7c1e-0d4a-4c55-9a7e-2b1f6e0c9d11",
            "{field}必须是 UUID，如 3f2b7c1e-0d4a-4c55-9a7e-2b1f6e0c9d11"),
    NOT_A_TIME("PULSE-V009", "must be an ISO-8601 time with offset, such as 2026-11-03T14:05:00+08:00",
            "{field}必须是带时区的 ISO-8601 时间，如 2026-11-03T14:05:00+08:00"),
    NOT_A_DECIMAL("PULSE-V010", "must be a decimal number", "{field}必须是数字"),
    NOT_AN_ARRAY("PULSE-V011", "must be an array of strings", "{field}必须是文本数组"),
    TOO_MANY_ITEMS("PULSE-V012", "must have at most {0} items", "{field}最多 {0} 项"),
    BAD_ITEMS("PULSE-V013", "items must be non-blank strings of at most {0} characters",
            "{field}的每一项都不能为空，且最多 {0} 个字符"),
    NOT_AN_OBJECT("PULSE-V014", "must be a JSON object", "每条记录必须是 JSON 对象"),
    CONTACT_REQUIRED("PULSE-V015", "at least one of phone, email or wechat is required", "电话、邮箱、微信至少填一项"),
    NOT_A_PHONE("PULSE-V016", "must be a phone number: digits, spaces, dashes, parentheses, optional leading +",
            "电话号码只能有数字、空格、横线、括号，开头可有 +"),
    NOT_AN_EMAIL("PULSE-V017", "must be an email address", "邮箱格式不对"),
    NOT_AFTER_OCCURRED("PULSE-V018", "must be after occurredAt", "下次跟进时间必须晚于跟进时间"),
    TOO_FAR_AHEAD("PULSE-V019", "must be at most {0} years after occurredAt", "下次跟进时间最多在跟进时间之后 {0} 年"),
    LOST_REASON_REQUIRED("PULSE-V020", "is required when stage is LOST", "客户状态为流失时，流失原因必填"),
    NOT_A_LEVEL("PULSE-V021", "must be A, B or C", "客户等级只能是 A、B 或 C"),
    BAD_AMOUNT("PULSE-V022", "must be positive, below 10^12, with at most 4 decimals", "成交金额必须为正数、小于 10^12、最多 4 位小数"),
    NOT_A_CURRENCY("PULSE-V023", "must be a three-letter ISO 4217 code such as CNY", "币种必须是三个字母的 ISO 4217 代码，如 CNY"),
    BEFORE_1990("PULSE-V024", "must not be before 1990-01-01", "{field}不能早于 1990-01-01"),
    IN_THE_FUTURE("PULSE-V025", "must not be more than {0} minutes in the future", "{field}不能晚于现在 {0} 分钟以上"),
    BAD_EXPECTED_AMOUNT("PULSE-V026", "must be positive, below 10^12, with at most 4 decimals",
            "{field}必须为正数、小于 10^12、最多 4 位小数"),
    NOT_A_CALENDAR_DATE("PULSE-V027", "must be an ISO date such as 2026-11-30", "{field}必须是 ISO 日期，如 2026-11-30"),
    CLOSE_DATE_OUT_OF_RANGE("PULSE-V028", "must lie between 1990-01-01 and {0} years after occurredAt",
            "{field}必须在 1990-01-01 到跟进时间之后 {0} 年之间"),

    // I: ingest's reading of a request body
    NOT_UTF8("PULSE-I001", "body is not valid UTF-8", "请求体不是有效的 UTF-8"),
    EMPTY_ARRAY("PULSE-I002", "the array holds no records", "数组中没有记录"),
    NO_RECORDS("PULSE-I003", "the body holds no records", "请求体中没有记录"),
    EMPTY_BODY("PULSE-I004", "the body is empty", "请求体为空"),
    MALFORMED_JSON("PULSE-I005", "malformed JSON: {0}", "JSON 格式错误：{0}"),
    BODY_OVER_LIMIT("PULSE-I006", "body of {0} bytes exceeds the limit of {1}", "请求体 {0} 字节，超过上限 {1} 字节"),
    BODY_TOO_LARGE("PULSE-I007", "body exceeds the limit of {0} bytes", "请求体超过上限 {0} 字节"),
    TOO_MANY_RECORDS("PULSE-I008", "{0} records exceed the limit of {1} per request", "{0} 条记录超过每次请求 {1} 条的上限"),
    INVALID_RECORDS("PULSE-I009", "No record was written: {0} error(s) in the request.", "未写入任何记录：请求中有 {0} 处错误。"),
    KAFKA_UNAVAILABLE("PULSE-I010", "Nothing was accepted: {0}. Retry with the same eventIds.",
            "未接收任何记录：{0}。请用相同的 eventId 重试。"),

    // H: refusals of the HTTP layer, the same in every service
    MISSING_PARAMETER("PULSE-H001", "Required parameter '{0}' is not present.", "缺少必需的参数 {0}。"),
    UNCONVERTIBLE_PARAMETER("PULSE-H002", "Failed to convert '{0}' with value: '{1}'", "参数 {0} 的值“{1}”格式不对"),
    NOT_FOUND("PULSE-H003", "No such resource: {0}.", "没有这个地址：{0}。"),
    METHOD_NOT_ALLOWED("PULSE-H004", "Method '{0}' is not supported.", "不支持 {0} 方法。"),
    NOT_ACCEPTABLE("PULSE-H005", "Acceptable representations: {0}.", "只能返回以下格式：{0}。"),
    UNSUPPORTED_MEDIA_TYPE("PULSE-H006", "Content-Type '{0}' is not supported.", "不支持的 Content-Type“{0}”。"),
    UPLOAD_TOO_LARGE("PULSE-H007", "The upload exceeds the size limit.", "上传的文件超过大小上限。"),
    TOO_MANY_REQUESTS("PULSE-H008", "Too many requests; retry later.", "请求过多，请稍后重试。"),
    MISSING_PART("PULSE-H009", "Required part '{0}' is not present.", "缺少必需的部分 {0}。"),
    UNREADABLE_BODY("PULSE-H010", "The request body cannot be read.", "无法读取请求体。"),
    REFUSED("PULSE-H099", "{0}", "请求被拒绝（HTTP {1}）：{0}"),

    // A: authentication and authorization
    AUTHENTICATION_REQUIRED("PULSE-A001", "Send Authorization: Bearer <token>, or sign in.",
            "请发送 Authorization: Bearer <token>，或先登录。"),
    INVALID_TOKEN("PULSE-A002", "The bearer token is unknown or has been revoked.", "该令牌无效或已被吊销。"),
    CSRF_TOKEN("PULSE-A003", "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value in X-XSRF-TOKEN.",
            "缺少 CSRF 令牌或令牌无效：请在 X-XSRF-TOKEN 中发送 XSRF-TOKEN cookie 的值。"),
    ROLE_FORBIDDEN("PULSE-A004", "Your role may not {0} {1}.", "你的角色无权 {0} {1}。"),
    TOKEN_CHECK_UNAVAILABLE("PULSE-A005", "The token database cannot be reached; retry shortly.", "无法连接令牌数据库，请稍后重试。"),
    SIGN_IN_FAILED("PULSE-A006", "Wrong user name or password.", "用户名或密码错误。"),
    OUTSIDE_SCOPE_REP("PULSE-A007", "your scope does not include rep '{0}'", "你的权限范围不包括负责人“{0}”"),
    OUTSIDE_SCOPE_TEAM("PULSE-A008", "your scope does not include team '{0}'", "你的权限范围不包括团队“{0}”"),
    BACKTEST_ROLE("PULSE-A009", "only a manager or an admin may backtest alert rules", "只有经理或管理员可以回测告警规则"),

    // Q: report query parameters
    FROM_AFTER_TO("PULSE-Q001", "from ({0}) must not be after to ({1})", "开始日期 from（{0}）不能晚于结束日期 to（{1}）"),
    RANGE_TOO_LONG("PULSE-Q002", "the range from {0} to {1} exceeds {2} days", "从 {0} 到 {1} 的日期范围超过 {2} 天"),
    PARAMETER_CONTROL_CHARACTERS("PULSE-Q003", "{0} must not contain control characters", "参数 {0} 不能含控制字符"),
    PARAMETER_NOT_ONE_OF("PULSE-Q004", "{0} must be one of {1}, not '{2}'", "参数 {0} 只能是以下之一：{1}，不能是“{2}”"),
    PARAMETER_ONE_OF("PULSE-Q005", "{0} must be one of {1}", "参数 {0} 只能是以下之一：{1}"),
    LIMIT_OUT_OF_RANGE("PULSE-Q006", "limit must be between 1 and {0}", "limit 必须在 1 到 {0} 之间"),
    CUSTOMER_OR_REP("PULSE-Q007", "give customerId or repId", "请给出 customerId 或 repId"),
    BOTH_DATES_OR_NEITHER("PULSE-Q008", "give both from and to, or neither", "from 和 to 要么都给，要么都不给"),
    REP_OR_TEAM("PULSE-Q009", "give exactly one of repId or teamId", "repId 和 teamId 必须给且只给一个"),
    PARAMETER_NOT_A_UUID("PULSE-Q010", "{0} must be a UUID", "参数 {0} 必须是 UUID"),
    PARAMETER_REQUIRED("PULSE-Q011", "{0} is required", "{0} 必填"),
    PARAMETER_TOO_LONG("PULSE-Q012", "{0} must be at most {1} printable characters", "{0} 最多 {1} 个可打印字符"),
    FLAG_NOT_OPEN("PULSE-Q013", "flag {0} is not open", "重复标记 {0} 已不是待处理状态"),
    NO_SUCH_FLAG("PULSE-Q014", "no flag {0}", "没有重复标记 {0}"),
    PARAMETER_OUT_OF_RANGE("PULSE-Q015", "{0} must be between {1} and {2}", "参数 {0} 必须在 {1} 到 {2} 之间"),
    NOT_A_RULE("PULSE-Q016", "{0}: '{1}' is not {2}", "参数 {0}：“{1}”的格式应为 {2}"),
    NOT_A_DURATION("PULSE-Q017", "{0}: '{1}' is not a duration such as P14D or PT36H",
            "参数 {0}：“{1}”不是时长（如 P14D 表示 14 天，PT36H 表示 36 小时）"),
    STAGE_GIVEN_TWICE("PULSE-Q018", "{0}: stage {1} is given twice", "参数 {0}：阶段 {1} 重复出现"),
    PARAMETERS_EXCLUSIVE("PULSE-Q019", "give {0} or {1}, not both", "{0} 和 {1} 只能给一个"),

    // M: administration of users and tokens
    REP_TOKEN_SCOPE("PULSE-M001", "a REP token needs repId (and no teamId)", "REP 令牌需要 repId（且不能有 teamId）"),
    MANAGER_TOKEN_SCOPE("PULSE-M002", "a MANAGER token needs teamId (and no repId)", "MANAGER 令牌需要 teamId（且不能有 repId）"),
    UNSCOPED_TOKEN("PULSE-M003", "a {0} token is not scoped: give neither repId nor teamId",
            "{0} 令牌没有范围：不要给 repId 或 teamId"),
    PASSWORD_LENGTH("PULSE-M004", "password must have 12 to 200 characters", "密码须为 12 到 200 个字符"),
    DISPLAY_NAME_LENGTH("PULSE-M005", "displayName must have at most 200 characters", "显示名称最多 200 个字符"),
    NOT_AN_IDENTIFIER("PULSE-M006", "{0} must be 1 to 64 letters, digits, '.', '_', '@' or '-'",
            "{0} 须为 1 到 64 个字母、数字或 . _ @ -"),
    USER_REFUSED("PULSE-M007", "{0}", "无法保存用户：{0}"),

    // U: uploads and imports through the report API
    EMPTY_FILE("PULSE-U001", "the file is empty", "文件是空的"),
    NOT_AN_IMPORT_TYPE("PULSE-U002", "type must be followups or sales, not '{0}'", "type 只能是 followups 或 sales，不能是“{0}”"),
    UNREADABLE_FILE("PULSE-U003", "{0}", "无法读取文件：{0}"),
    INVALID_MAPPING("PULSE-U004", "{0}", "列映射无效：{0}"),
    IMPORT_INTERRUPTED("PULSE-U005", "{0}", "导入中断：{0}"),

    // W: alert routes and rep contacts (report API, /api/v1/admin/alert-*)
    ROUTE_SCOPE("PULSE-W001", "scope must be one of REP, TEAM, DEFAULT", "scope 只能是 REP、TEAM 或 DEFAULT"),
    DEFAULT_ROUTE_SCOPE_ID("PULSE-W002", "a DEFAULT route has no scopeId", "DEFAULT 路由不能有 scopeId"),
    ROUTE_SCOPE_ID("PULSE-W003", "scopeId (the {0} id) must be 1 to 64 letters, digits, '.', '_', '@' or '-'",
            "scopeId（{0} 的 id）须为 1 到 64 个字母、数字或 . _ @ -"),
    ROBOT_FORMAT("PULSE-W004", "{0}", "机器人格式无效：{0}"),
    NOT_A_URL("PULSE-W005", "url is not a URL", "url 不是网址"),
    BAD_WEBHOOK_URL("PULSE-W006", "url must be an http(s) URL of at most 1000 characters, without a #fragment",
            "url 必须是 http(s) 网址，最多 1000 个字符，不能带 #片段"),
    BAD_SECRET("PULSE-W007", "secret must be 1 to 200 printable ASCII characters", "secret 须为 1 到 200 个可打印 ASCII 字符"),
    UNSIGNED_ROBOT("PULSE-W008", "only dingtalk and feishu robots sign messages: give no secret for {0}",
            "只有钉钉和飞书机器人会签名消息：{0} 不要填 secret"),
    BAD_MOBILE("PULSE-W009", "{0} is not valid: digits, an optional leading '+' and '-', 5 to 20 characters",
            "{0} 无效：只能有数字、开头的 + 和 -，5 到 20 个字符"),
    BAD_ROBOT_USER_ID("PULSE-W010", "{0} is not valid: 1 to 64 letters, digits, '_', '.', '@' or '-'",
            "{0} 无效：须为 1 到 64 个字母、数字或 _ . @ -"),
    JSON_BODY_REQUIRED("PULSE-W011", "a JSON body is required", "需要 JSON 请求体"),

    // G: goals and pacing (report API, /api/v1/goals)
    GOAL_SCOPE("PULSE-G001", "scope must be REP (with repId) or TEAM", "scope 只能是 REP（需给 repId）或 TEAM"),
    GOAL_METRIC("PULSE-G002", "metric must be one of FOLLOW_UPS_PER_WEEK, NEW_CUSTOMERS_PER_MONTH, REVENUE_PER_MONTH",
            "metric 只能是 FOLLOW_UPS_PER_WEEK、NEW_CUSTOMERS_PER_MONTH 或 REVENUE_PER_MONTH"),
    GOAL_TARGET("PULSE-G003", "target must be positive, at most {0}, with at most {1} decimals",
            "target 必须为正数，最大 {0}，最多 {1} 位小数"),
    GOAL_PERIOD_START("PULSE-G004", "periodStart must be the first day of its period: {0}",
            "periodStart 必须是周期的第一天：{0}"),
    GOAL_PERIOD_RANGE("PULSE-G005", "periodStart must lie between {0} and {1}", "periodStart 必须在 {0} 到 {1} 之间"),
    GOAL_CURRENCY("PULSE-G006", "a revenue goal needs a three-letter ISO 4217 currency such as CNY; other goals have none",
            "收入目标需要三个字母的 ISO 4217 币种（如 CNY），其他目标不要填币种"),
    GOAL_EXISTS("PULSE-G007", "a goal for this {0}, metric, period and currency exists already: change it instead",
            "该{0}在此指标、周期和币种下已有目标，请修改原目标"),
    NO_SUCH_GOAL("PULSE-G008", "no goal {0}", "没有目标 {0}"),
    GOAL_REP_NOT_IN_TEAM("PULSE-G009", "rep '{0}' has not been seen working in team '{1}'",
            "负责人“{0}”不在团队“{1}”中"),

    // P: the 公海 pool (ingest's daily claim limit)
    POOL_CLAIM_LIMIT("PULSE-P001",
            "rep {0} has already claimed {1} pool customer(s) today, the daily limit: customer {2} stays in the pool",
            "销售 {0} 今天已认领 {1} 个公海客户，已达每日上限：客户 {2} 仍留在公海"),
    POOL_CHECK_UNAVAILABLE("PULSE-P002",
            "Nothing was accepted: the pool's claim limit cannot be checked (database unreachable); retry shortly.",
            "未接收任何记录：无法检查公海认领上限（数据库不可达），请稍后重试。"),

    // R: the importer's own reasons for rejecting a row of a sheet
    NO_CUSTOMER_ID("PULSE-R001", "no customer id, and no phone, email or WeChat to derive one from",
            "没有客户ID，也没有可生成客户ID的电话、邮箱或微信"),
    NOT_A_STAGE("PULSE-R002", "'{0}' is not a stage: use {1} or a stage code such as QUALIFIED",
            "“{0}”不是客户状态：请填 {1} 或阶段代码（如 QUALIFIED）"),
    NOT_AN_AMOUNT("PULSE-R003", "'{0}' is not an amount", "“{0}”不是金额"),
    NOT_A_REAL_DATE("PULSE-R004", "is not a real date or time: {0}", "不是存在的日期或时间：{0}"),
    NOT_A_DATE("PULSE-R005", "is not a date: {0} (use 2026-11-03 14:05, 2026/11/3 14:05, 2026年11月3日 or an Excel date)",
            "不是日期：{0}（可写 2026-11-03 14:05、2026/11/3 14:05、2026年11月3日 或 Excel 日期）"),
    NOT_AN_EXCEL_DATE("PULSE-R006", "is not a date: {0}", "不是日期：{0}"),
    LOST_WITHOUT_CONTENT("PULSE-R007", "content is required; for a lost customer it is also the lost reason when {0},"
            + " {1} and {2} are empty", "跟进内容必填；流失客户的{0}、{1}、{2}都为空时，跟进内容就是流失原因"),
    REFUSED_BY_INGEST("PULSE-R008", "refused by ingest: {0}", "被 ingest 拒绝：{0}");

    private final String code;
    private final String en;
    private final String zh;

    MessageCode(String code, String en, String zh) {
        this.code = code;
        this.en = en;
        this.zh = zh;
    }

    /** The stable code, such as {@code PULSE-V001}. */
    public String code() {
        return code;
    }

    /** The text in a language, with its placeholders. */
    public String template(Language language) {
        return language == Language.ZH ? zh : en;
    }
}
