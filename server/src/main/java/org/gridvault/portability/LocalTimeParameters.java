package org.gridvault.portability;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.HexFormat;

/**
 * A site's time zone as ESPI's {@code LocalTimeParameters}: the standard offset, the daylight-saving offset and the
 * rules that start and end daylight saving, each a 32-bit word (ESPI's {@code DstRuleType}): seconds (bits 0-11),
 * hour (12-16), day of week 1-7 Monday first (17-19), day of month (20-24), operator (25-27), month (28-31). Times are
 * the local wall-clock time just before the change (02:00 in the United States for both rules, as in the Green Button
 * samples). A zone without daylight saving gets {@code FFFFFFFF} (rule processing disabled) and offset 0.
 *
 * @param tzOffset the standard offset from UTC in seconds
 * @param dstOffset how much daylight saving adds, in seconds
 */
record LocalTimeParameters(String dstStartRule, String dstEndRule, long dstOffset, long tzOffset) {

    static final String DISABLED = "FFFFFFFF";

    /** Operator 0: the day of month; 1: the day of week on or after the day of month; 7: the last day of week. */
    private static final int ON_DAY_OF_MONTH = 0;

    private static final int ON_OR_AFTER = 1;
    private static final int LAST_IN_MONTH = 7;

    static LocalTimeParameters of(ZoneId zone, Instant at) {
        var rules = zone.getRules();
        long standard = rules.getStandardOffset(at).getTotalSeconds();
        var transitions = rules.getTransitionRules();
        if (transitions.size() != 2) {
            return new LocalTimeParameters(DISABLED, DISABLED, 0, standard);
        }
        var first = transitions.get(0);
        var second = transitions.get(1);
        var start = first.getOffsetAfter().getTotalSeconds()
                        > first.getOffsetBefore().getTotalSeconds()
                ? first
                : second;
        var end = start == first ? second : first;
        long dst = start.getOffsetAfter().getTotalSeconds()
                - start.getOffsetBefore().getTotalSeconds();
        return new LocalTimeParameters(encode(start), encode(end), dst, standard);
    }

    static String encode(ZoneOffsetTransitionRule rule) {
        int operator;
        int dayOfMonth;
        int dayOfWeek = rule.getDayOfWeek() == null ? 0 : rule.getDayOfWeek().getValue();
        if (dayOfWeek == 0) {
            operator = ON_DAY_OF_MONTH;
            dayOfMonth = Math.max(1, rule.getDayOfMonthIndicator());
        } else if (rule.getDayOfMonthIndicator() > 0) {
            operator = ON_OR_AFTER;
            dayOfMonth = rule.getDayOfMonthIndicator();
        } else {
            operator = LAST_IN_MONTH;
            dayOfMonth = 0;
        }
        int secondOfDay =
                rule.isMidnightEndOfDay() ? 86_400 : rule.getLocalTime().toSecondOfDay();
        secondOfDay += switch (rule.getTimeDefinition()) {
            case UTC -> rule.getOffsetBefore().getTotalSeconds();
            case STANDARD ->
                rule.getOffsetBefore().getTotalSeconds()
                        - rule.getStandardOffset().getTotalSeconds();
            case WALL -> 0;
        };
        secondOfDay = Math.floorMod(secondOfDay, 86_400);
        var wall = LocalTime.ofSecondOfDay(secondOfDay);
        long word = (long) rule.getMonth().getValue() << 28
                | (long) operator << 25
                | (long) dayOfMonth << 20
                | (long) dayOfWeek << 17
                | (long) wall.getHour() << 12
                | (long) (wall.getMinute() * 60 + wall.getSecond());
        return HexFormat.of().withUpperCase().toHexDigits((int) word);
    }
}
