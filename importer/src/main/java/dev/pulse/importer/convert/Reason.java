package dev.pulse.importer.convert;

/**
 * Why a row was rejected, in both languages a sheet is written in.
 *
 * @param code a stable name for programs and support (e.g. {@code PULSE-V001}, see {@code MessageCode}); its texts may change
 * @param en   the English text
 * @param zh   the Chinese text
 */
public record Reason(String code, String en, String zh) {
}
