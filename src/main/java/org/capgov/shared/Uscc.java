package org.capgov.shared;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set; positions 9–17 are the GB 11714
 * organisation code with its own check character at 17; position 18 is the check character of the whole code.
 * A structural error is always fatal; a code that fails only a check character exists in real registers and may
 * be accepted with an explicit override (and stays flagged).
 */
public final class Uscc {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** The outcome of checking a code; {@code reason} is Chinese and null when valid. */
    public record Check(String code, boolean valid, boolean structureOk, boolean checkCharacterOk,
            boolean organisationCodeOk, String reason) {

        /** Acceptable with an explicit override: the structure is right, only a check character is not. */
        public boolean overridable() {
            return structureOk && !valid;
        }
    }

    private Uscc() {
    }

    public static Check check(String raw) {
        String code = raw == null ? "" : Codes.upper(raw.trim());
        if (code.length() != 18) {
            return new Check(code, false, false, false, false,
                    "长度应为 18 位，实为 " + code.length() + " 位");
        }
        if (!structureOk(code)) {
            return new Check(code, false, false, false, false, structureReason(code));
        }
        boolean orgOk = code.charAt(16) == organisationCheck(code.substring(8, 16));
        boolean checkOk = code.charAt(17) == checkCharacter(code.substring(0, 17));
        String reason = null;
        if (!checkOk && !orgOk) {
            reason = "第 18 位校验码应为 " + checkCharacter(code.substring(0, 17)) + "，且组织机构代码（第 9–17 位）校验码应为 "
                    + organisationCheck(code.substring(8, 16));
        } else if (!checkOk) {
            reason = "第 18 位校验码应为 " + checkCharacter(code.substring(0, 17)) + "，实为 " + code.charAt(17);
        } else if (!orgOk) {
            reason = "组织机构代码（第 9–17 位）第 9 位校验码应为 " + organisationCheck(code.substring(8, 16)) + "，实为 "
                    + code.charAt(16);
        }
        return new Check(code, checkOk && orgOk, true, checkOk, orgOk, reason);
    }

    /** The 18th character for the first 17 (GB 32100: weights 3^(i−1) mod 31). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /** The GB 11714 check character for an 8-character body: 10 is written X, 11 is written 0. */
    public static char organisationCheck(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** Builds a valid code from registration authority + type (2), region (6) and an 8-character body. */
    public static String compose(String authorityAndType, String region, String body8) {
        String first17 = authorityAndType + region + body8 + organisationCheck(body8);
        return first17 + checkCharacter(first17);
    }

    /** 2 characters of the set, 6 digits, 10 characters of the set (a loop: a registry import checks millions). */
    private static boolean structureOk(String code) {
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            boolean ok = i >= 2 && i < 8 ? ch >= '0' && ch <= '9' : CHARSET.indexOf(ch) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String structureReason(String code) {
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (i >= 2 && i < 8) {
                if (!Character.isDigit(ch)) {
                    return "第 " + (i + 1) + " 位应为数字（登记管理机关行政区划码），实为 " + ch;
                }
            } else if (CHARSET.indexOf(ch) < 0) {
                return "第 " + (i + 1) + " 位字符 " + ch + " 不在允许的字符集内（数字及除 I、O、S、V、Z 外的大写字母）";
            }
        }
        return "结构不符合 GB 32100-2015";
    }
}
