package dev.pulse.importer.convert;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.Json;
import dev.pulse.events.Pipeline;
import dev.pulse.events.validation.FieldError;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.importer.columns.ColumnBinding;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.columns.Mapping;
import dev.pulse.importer.sheet.SheetRow;
import dev.pulse.importer.values.ChannelWords;
import dev.pulse.importer.values.Contact;
import dev.pulse.importer.values.Dates;
import dev.pulse.importer.values.Ids;
import dev.pulse.importer.values.StageWords;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one sheet row into the JSON of a follow-up or a sale, then validates it with the very
 * validators ingest applies, so a row accepted here is accepted there. Every problem is named by
 * the sheet's own column header.
 */
public final class RowConverter {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，;；、|/]+");
    private static final Pattern AMOUNT_NOISE = Pattern.compile("[\\s,，¥￥$元]|rmb|cny", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL = Pattern.compile("^([ABCabc])\\s*(级|类)?(客户)?$");
    private static final Set<String> CONTACT_FIELDS = Set.of("phone", "email", "wechat");
    /**
     * Where a lost customer's reason comes from, first non-empty wins: most sheets have no 流失原因
     * column, and the 跟进结果, the 备注 or at last the 跟进内容 of the lost row says why.
     */
    private static final List<String> LOST_REASON_SOURCES = List.of("lostReason", "result", "note", "content");
    /** The sources after 流失原因, in the order they are tried. */
    public static final List<String> LOST_REASON_FALLBACKS = LOST_REASON_SOURCES.subList(1, LOST_REASON_SOURCES.size());
    /** How a source is named in a message when the sheet has no column for it. */
    private static final Map<String, String> USUAL_HEADERS = Map.of(
            "lostReason", "流失原因", "result", "跟进结果", "note", "备注", "content", "跟进内容");

    private final EventKind kind;
    private final ColumnBinding binding;
    private final Map<String, String> defaults;
    private final ZoneId zone;
    private final StageWords stages;
    private final ChannelWords channels;
    private final FollowUpValidator followUps;
    private final SaleValidator sales;

    public RowConverter(EventKind kind, ColumnBinding binding, Mapping mapping, ZoneId zone, Pipeline pipeline,
                        FollowUpValidator followUps, SaleValidator sales) {
        this.kind = kind;
        this.binding = binding;
        this.defaults = mapping.defaults();
        this.zone = zone;
        this.stages = new StageWords(pipeline, mapping.stages());
        this.channels = new ChannelWords(mapping.channels());
        this.followUps = followUps;
        this.sales = sales;
    }

    public ConvertedRow convert(SheetRow row) {
        Fields f = new Fields(row);
        ObjectNode event = Json.MAPPER.createObjectNode();
        if (kind == EventKind.SALES) {
            f.text(event, "orderId");
        }
        Contacts contacts = contacts(f);
        String customerId = f.value("customerId");
        if (customerId.isEmpty()) {
            customerId = Ids.customerId(contacts.phone, contacts.email, contacts.wechat);
        }
        if (customerId == null) {
            // One reason is enough: the validator's "at least one contact" would repeat it.
            f.reported.add("phone");
            f.problem("customerId", contactColumn("customerId"), Message.of(MessageCode.NO_CUSTOMER_ID));
        } else {
            event.put("customerId", customerId);
        }
        if (kind == EventKind.FOLLOWUPS) {
            followUp(f, event, contacts);
        } else {
            sale(f, event);
        }
        List<FieldError> errors = kind == EventKind.FOLLOWUPS
                ? followUps.validate(event, 0).errors() : sales.validate(event, 0).errors();
        for (FieldError error : errors) {
            if (!f.reported.contains(error.field())) {
                f.problem(error.field(), columnOfField(error.field()), error.reason());
            }
        }
        if (!f.problems.isEmpty()) {
            return new ConvertedRow(row, null, customerId, f.value("customerName"), f.value("company"), List.copyOf(f.problems),
                    null);
        }
        UUID eventId = Ids.eventId(kind.eventType(), event.toString());
        ObjectNode withId = Json.MAPPER.createObjectNode().put("eventId", eventId.toString());
        withId.setAll(event);
        return new ConvertedRow(row, withId, customerId, f.value("customerName"), f.value("company"), List.of(),
                f.lostReasonFrom);
    }

    private void followUp(Fields f, ObjectNode event, Contacts contacts) {
        f.text(event, "customerName");
        put(event, "phone", contacts.phone);
        put(event, "email", contacts.email);
        put(event, "wechat", contacts.wechat);
        for (String field : List.of("company", "position", "repId")) {
            f.text(event, field);
        }
        put(event, "repName", f.value("repName").isEmpty() ? f.value("repId") : f.value("repName"));
        f.text(event, "teamId");
        f.time(event, "occurredAt");
        String channel = f.value("channel");
        if (!channel.isEmpty()) {
            event.put("channel", channels.channel(channel).name());
        }
        String content = f.value("content");
        String note = f.value("note");
        if (!content.isEmpty()) {
            event.put("content", note.isEmpty() ? content : content + "\n备注：" + note);
        }
        String stageWord = f.value("stage");
        String stage = stageWord.isEmpty() ? null : stages.code(stageWord);
        if (stage != null) {
            event.put("stage", stage);
        } else if (!stageWord.isEmpty()) {
            f.problem("stage", binding.columnOf("stage"),
                    Message.of(MessageCode.NOT_A_STAGE, stageWord, "潜在, 意向, 方案, 报价, 合同, 成交, 流失"));
        }
        f.text(event, "result");
        f.time(event, "nextFollowUpAt");
        if (Pipeline.LOST.equals(stage)) {
            // A reason on a row that is not lost is left out: it would describe nothing.
            lostReason(f, event);
        }
        String tags = f.value("tags");
        if (!tags.isEmpty()) {
            var array = event.putArray("tags");
            Arrays.stream(LIST_SEPARATORS.split(tags)).map(String::strip).filter(t -> !t.isEmpty()).distinct().forEach(array::add);
        }
        String level = f.value("level");
        var levelMatch = LEVEL.matcher(level);
        put(event, "level", levelMatch.matches() ? levelMatch.group(1).toUpperCase(java.util.Locale.ROOT) : level);
        f.text(event, "source");
        f.amount(event, "expectedAmount");
        f.text(event, "expectedCurrency");
        f.date(event, "expectedCloseDate");
    }

    private void lostReason(Fields f, ObjectNode event) {
        for (String field : LOST_REASON_SOURCES) {
            String value = f.value(field);
            if (!value.isEmpty()) {
                event.put("lostReason", value);
                f.lostReasonFrom = field.equals("lostReason") ? null : field;
                return;
            }
        }
        // Every source is empty, the content too: one problem says both, since filling the content fixes both.
        f.reported.add("lostReason");
        f.problem("content", binding.columnOf("content"), Message.of(MessageCode.LOST_WITHOUT_CONTENT,
                header("lostReason"), header("result"), header("note")));
    }

    /** The sheet's header of the field, or the usual Chinese one when the sheet has no such column. */
    public String header(String field) {
        return binding.has(field) ? binding.columnOf(field) : USUAL_HEADERS.getOrDefault(field, field);
    }

    private void sale(Fields f, ObjectNode event) {
        for (String field : List.of("repId", "teamId", "product")) {
            f.text(event, field);
        }
        f.amount(event, "amount");
        for (String field : List.of("currency", "paymentMethod")) {
            f.text(event, field);
        }
        f.time(event, "occurredAt");
        f.text(event, "shippingStatus");
    }

    private Contacts contacts(Fields f) {
        Contacts contacts = new Contacts(f.value("phone"), f.value("email"), f.value("wechat"));
        String cell = f.value("contact");
        if (!cell.isEmpty()) {
            Contact contact = Contact.of(cell);
            switch (contact.field()) {
                case "phone" -> contacts.phone = contacts.phone.isEmpty() ? contact.value() : contacts.phone;
                case "email" -> contacts.email = contacts.email.isEmpty() ? contact.value() : contacts.email;
                default -> contacts.wechat = contacts.wechat.isEmpty() ? contact.value() : contacts.wechat;
            }
        }
        return contacts;
    }

    /** A contact error points at 联系方式 when that column, not a phone column, held the contact. */
    private String columnOfField(String field) {
        return CONTACT_FIELDS.contains(field) ? contactColumn(field) : binding.columnOf(field);
    }

    private String contactColumn(String field) {
        if (binding.has(field)) {
            return binding.columnOf(field);
        }
        for (String candidate : List.of("contact", "phone", "email", "wechat")) {
            if (binding.has(candidate)) {
                return binding.columnOf(candidate);
            }
        }
        return kind == EventKind.FOLLOWUPS || "customerId".equals(field) ? "contact" : field;
    }

    private static void put(ObjectNode event, String field, String value) {
        if (value != null && !value.isEmpty()) {
            event.put(field, value);
        }
    }

    private static final class Contacts {
        String phone;
        String email;
        String wechat;

        Contacts(String phone, String email, String wechat) {
            this.phone = phone;
            this.email = email;
            this.wechat = wechat;
        }
    }

    /** The cells of one row by field, with the mapping's defaults, collecting problems as it goes. */
    private final class Fields {
        final SheetRow row;
        final List<Problem> problems = new ArrayList<>();
        final Set<String> reported = new HashSet<>();
        final Map<String, String> cache = new LinkedHashMap<>();
        String lostReasonFrom;

        Fields(SheetRow row) {
            this.row = row;
        }

        String value(String field) {
            return cache.computeIfAbsent(field, name -> {
                String cell = binding.value(row, name);
                return cell.isEmpty() ? defaults.getOrDefault(name, "") : cell;
            });
        }

        void text(ObjectNode event, String field) {
            put(event, field, value(field));
        }

        void time(ObjectNode event, String field) {
            String cell = value(field);
            if (cell.isEmpty()) {
                return;
            }
            try {
                event.put(field, Dates.parse(cell, zone).toString());
            } catch (IllegalArgumentException e) {
                problem(field, binding.columnOf(field), e.getMessage());
            }
        }

        /** An amount as sheets write it: {@code ¥12,800.50}, {@code 1.5万}, {@code 3000元}. */
        void amount(ObjectNode event, String field) {
            String cell = value(field);
            if (cell.isEmpty()) {
                return;
            }
            String plain = AMOUNT_NOISE.matcher(cell).replaceAll("");
            try {
                java.math.BigDecimal amount = plain.endsWith("万")
                        ? new java.math.BigDecimal(plain.substring(0, plain.length() - 1)).scaleByPowerOfTen(4)
                        : new java.math.BigDecimal(plain);
                event.put(field, amount.stripTrailingZeros().toPlainString());
            } catch (NumberFormatException e) {
                problem(field, binding.columnOf(field), Message.of(MessageCode.NOT_AN_AMOUNT, cell));
            }
        }

        /** A day in the sheet's zone, whatever form {@link Dates} reads; a time of day in the cell is dropped. */
        void date(ObjectNode event, String field) {
            String cell = value(field);
            if (cell.isEmpty()) {
                return;
            }
            try {
                event.put(field, Dates.parse(cell, zone).atZone(zone).toLocalDate().toString());
            } catch (IllegalArgumentException e) {
                problem(field, binding.columnOf(field), e.getMessage());
            }
        }

        void problem(String field, String column, String reason) {
            reported.add(field);
            problems.add(new Problem(row.number(), column, reason));
        }

        void problem(String field, String column, Message reason) {
            reported.add(field);
            problems.add(new Problem(row.number(), column, reason));
        }
    }
}
