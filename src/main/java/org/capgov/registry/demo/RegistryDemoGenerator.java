package org.capgov.registry.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.capgov.shared.Industry;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.validation.EnterpriseValidator;
import org.capgov.registry.EquipmentStatus;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.validation.EquipmentValidator;
import org.capgov.registry.EnterpriseStatus;

/**
 * Deterministic demo data for the registry: the same seed gives the same enterprises and equipment, byte for byte.
 * Enterprises are spread over the seeded regions and industries as a real register would be; their equipment
 * straddles the thresholds of docs/domain.md §5, so that evaluations find both compliant and failing capacity. Rows are
 * produced one enterprise at a time and never held, so a million enterprises need no more memory than ten.
 *
 * <p>Every row passes {@link EnterpriseValidator} and {@link EquipmentValidator}. The first enterprise is the demo
 * account's own ({@link #DEMO_USCC}, a steel works in 涪陵). Dates are as of
 * {@link #AS_OF}, not of today, so that the output does not change with the calendar.
 */
public final class RegistryDemoGenerator {

    /** The USCC of the demo account {@code enterprise} (identity.DemoAccounts). */
    public static final String DEMO_USCC = RegistryDemoCodes.DEMO_USCC;
    public static final int MAX_ENTERPRISES = 1_000_000;
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private static final LocalDate FIRST = LocalDate.of(1985, 1, 1);
    private static final LocalDate LAST_ESTABLISHED = LocalDate.of(2022, 12, 31);
    private static final LocalDate LAST_COMMISSIONED = LocalDate.of(2024, 12, 31);
    /** Seed 000 took effect in 2014: closures and rectifications of the register date from then on. */
    private static final LocalDate POLICY = LocalDate.of(2014, 1, 1);
    /** Enterprises registered since the USCC reform have MA codes; older ones kept their organisation code. */
    private static final LocalDate REFORM = LocalDate.of(2015, 10, 1);
    private static final RegistryDemoRegions REGIONS = new RegistryDemoRegions();
    private static final Set<Industry> GROUPS = EnumSet.of(Industry.STEEL, Industry.CEMENT, Industry.COAL,
            Industry.ALUMINIUM, Industry.FLAT_GLASS, Industry.SHIPBUILDING, Industry.COAL_POWER, Industry.CHEMICAL);
    private static final String[] FORMS = {"有限公司", "有限公司", "有限公司", "有限公司", "有限公司", "有限公司", "有限公司",
        "有限责任公司", "有限责任公司", "股份有限公司"};

    /**
     * One enterprise with its equipment. {@code establishedOn} starts its first OPERATING period (before
     * {@code statusSince} when it is no longer operating); {@code group} marks an enterprise that later ones may name
     * as their parent.
     */
    public record EnterpriseRow(EnterpriseDraft enterprise, List<EquipmentDraft> equipment, LocalDate establishedOn,
            boolean group) {
    }

    private final long seed;
    private final boolean demoEnterpriseFirst;

    public RegistryDemoGenerator(long seed) {
        this(seed, true);
    }

    /** Without the demo enterprise, for loading a second data set next to the first (tests). */
    RegistryDemoGenerator(long seed, boolean demoEnterpriseFirst) {
        this.seed = seed;
        this.demoEnterpriseFirst = demoEnterpriseFirst;
    }

    public long seed() {
        return seed;
    }

    /** Hands {@code enterprises} rows to {@code sink} one by one, in order; parents come before their children. */
    public void generate(int enterprises, Consumer<EnterpriseRow> sink) {
        if (enterprises < 0 || enterprises > MAX_ENTERPRISES) {
            throw new IllegalArgumentException("enterprises must be between 0 and " + MAX_ENTERPRISES + ": " + enterprises);
        }
        Run run = new Run();
        for (int i = 0; i < enterprises; i++) {
            sink.accept(i == 0 && demoEnterpriseFirst ? run.demoEnterprise() : run.next());
        }
    }

    /** Writes the two import files (UTF-8, header row) as the rows are made. */
    public void writeCsv(int enterprises, Path enterpriseCsv, Path equipmentCsv) throws IOException {
        try (Writer e = writer(enterpriseCsv); Writer q = writer(equipmentCsv)) {
            e.write(RegistryDemoCsv.ENTERPRISE_HEADER + "\n");
            q.write(RegistryDemoCsv.EQUIPMENT_HEADER + "\n");
            generate(enterprises, row -> {
                try {
                    RegistryDemoCsv.write(row, e, q);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    private static Writer writer(Path path) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The state of one pass: everything that must start afresh so that every pass gives the same rows. */
    private final class Run {

        private final SplittableRandom rng = new SplittableRandom(seed);
        private final RegistryDemoCodes codes = new RegistryDemoCodes(seed);
        private final RegistryDemoEquipment equipment = new RegistryDemoEquipment(rng);
        /**
         * The index of the next trade name per region × industry; each starts at its own place, or the first
         * enterprise of every bucket would have the same name.
         */
        private final int[][] named = new int[RegistryDemoRegions.PLACES.size()][Industry.values().length];
        /** The latest group enterprises per industry, which later enterprises may have as parent. */
        private final String[][] groups = new String[Industry.values().length][8];
        private final int[] groupCount = new int[Industry.values().length];
        private long k;

        Run() {
            SplittableRandom starts = new SplittableRandom(seed ^ 0x7a69_6861_6f00L);
            for (int[] region : named) {
                for (int i = 0; i < region.length; i++) {
                    region[i] = starts.nextInt(RegistryDemoNames.TWO_CHARACTER_NAMES / 2);
                }
            }
        }

        EnterpriseRow next() {
            k++;
            RegistryDemoProfile profile = RegistryDemoProfile.pick(rng);
            Industry industry = profile.industry();
            int r = REGIONS.pick(industry, rng);
            RegistryDemoRegions.Place place = RegistryDemoRegions.PLACES.get(r);
            boolean group = GROUPS.contains(industry) && rng.nextInt(100) < 3;
            String form = group ? (rng.nextBoolean() ? "集团有限公司" : "股份有限公司") : FORMS[rng.nextInt(FORMS.length)];
            String name = (rng.nextBoolean() ? place.full() : place.shortName())
                    + RegistryDemoNames.tradeName(named[r][industry.ordinal()]++) + profile.word(rng) + form;
            boolean traditional = profile == RegistryDemoProfile.BRICK || profile == RegistryDemoProfile.COAL_MINE
                    || profile == RegistryDemoProfile.LIME || profile == RegistryDemoProfile.CEMENT_PLANT;
            LocalDate established = traditional ? earlier(FIRST, LAST_ESTABLISHED) : between(FIRST, LAST_ESTABLISHED);

            List<RegistryDemoEquipment.Unit> units = equipment.forProfile(profile);
            List<String> industries = new ArrayList<>(List.of(industry.name()));
            boolean backward = false;
            for (RegistryDemoEquipment.Unit u : units) {
                backward |= u.backward();
                if (u.type() == EquipmentType.COKE_OVEN && industry != Industry.COKING && !industries.contains("COKING")) {
                    industries.add(Industry.COKING.name());
                }
            }
            EnterpriseStatus status = enterpriseStatus(backward);
            LocalDate[] commissioned = new LocalDate[units.size()];
            LocalDate last = established;
            for (int i = 0; i < units.size(); i++) {
                commissioned[i] = units.get(i).backward() ? earlier(established, LAST_COMMISSIONED)
                        : between(established, LAST_COMMISSIONED);
                last = commissioned[i].isAfter(last) ? commissioned[i] : last;
            }
            LocalDate since = status == EnterpriseStatus.OPERATING ? established
                    : between(max(last, POLICY).plusDays(1), AS_OF);
            List<EquipmentDraft> drafts = new ArrayList<>(units.size());
            for (int i = 0; i < units.size(); i++) {
                drafts.add(draft(units.get(i), commissioned[i], status, since));
            }

            String uscc = codes.uscc(k, place.usccRegion(), !established.isBefore(REFORM));
            boolean wrongCheck = rng.nextInt(500) == 0;
            if (wrongCheck) {
                uscc = RegistryDemoCodes.withWrongCheckCharacter(uscc, rng);
            }
            String parent = null;
            int held = groupCount[industry.ordinal()];
            if (!group && held > 0 && rng.nextInt(100) < 6) {
                parent = groups[industry.ordinal()][rng.nextInt(Math.min(held, 8))];
            }
            if (group) {
                groups[industry.ordinal()][groupCount[industry.ordinal()]++ % 8] = uscc;
            }
            int x = rng.nextInt(100);
            List<String> accounts = new ArrayList<>(3);
            for (int j = 0, n = x < 70 ? 1 : x < 92 ? 2 : 3; j < n; j++) {
                accounts.add(codes.gridAccount(k, j, place.code()));
            }
            EnterpriseDraft draft = new EnterpriseDraft(uscc, name, place.code(), List.copyOf(industries),
                    RegistryDemoNames.address(place, rng), RegistryDemoNames.person(rng), parent, List.of(),
                    List.copyOf(accounts), status.name(), since, wrongCheck ? Boolean.TRUE : null);
            return new EnterpriseRow(draft, List.copyOf(drafts), established, group);
        }

        /** Backward equipment makes rectification, suspension and closure more likely, as inspections would. */
        private EnterpriseStatus enterpriseStatus(boolean backward) {
            int x = rng.nextInt(100);
            if (backward) {
                return x < 66 ? EnterpriseStatus.OPERATING : x < 77 ? EnterpriseStatus.RECTIFYING
                        : x < 84 ? EnterpriseStatus.SUSPENDED : x < 93 ? EnterpriseStatus.CLOSED : EnterpriseStatus.EXITED;
            }
            return x < 88 ? EnterpriseStatus.OPERATING : x < 91 ? EnterpriseStatus.RECTIFYING
                    : x < 95 ? EnterpriseStatus.SUSPENDED : x < 98 ? EnterpriseStatus.CLOSED : EnterpriseStatus.EXITED;
        }

        private EquipmentDraft draft(RegistryDemoEquipment.Unit u, LocalDate commissioned, EnterpriseStatus owner,
                LocalDate ownerSince) {
            int x = rng.nextInt(100);
            EquipmentStatus status = switch (owner) {
                case OPERATING -> u.backward()
                        ? pick(x, 55, EquipmentStatus.OPERATING, 70, EquipmentStatus.SEALED, 83, EquipmentStatus.DISMANTLED,
                                93, EquipmentStatus.POWER_CUT, 100, EquipmentStatus.IDLE)
                        : pick(x, 90, EquipmentStatus.OPERATING, 96, EquipmentStatus.IDLE, 98, EquipmentStatus.DISMANTLED,
                                99, EquipmentStatus.SEALED, 100, EquipmentStatus.POWER_CUT);
                case RECTIFYING -> pick(x, 50, EquipmentStatus.OPERATING, 90, EquipmentStatus.IDLE, 100,
                        EquipmentStatus.POWER_CUT);
                case SUSPENDED -> pick(x, 60, EquipmentStatus.IDLE, 90, EquipmentStatus.POWER_CUT, 100,
                        EquipmentStatus.WATER_CUT);
                case CLOSED -> pick(x, 40, EquipmentStatus.POWER_CUT, 80, EquipmentStatus.SEALED, 100,
                        EquipmentStatus.POWER_UNIT_REMOVED);
                default -> pick(x, 70, EquipmentStatus.DISMANTLED, 90, EquipmentStatus.SEALED, 100,
                        EquipmentStatus.TRANSFERRED);
            };
            LocalDate since = status == EquipmentStatus.OPERATING ? commissioned
                    : owner != EnterpriseStatus.OPERATING ? ownerSince
                    : between(max(commissioned, POLICY).plusDays(1), AS_OF);
            return new EquipmentDraft(u.code(), u.line(), u.type().name(), Collections.unmodifiableMap(u.parameters()),
                    u.product().name(), u.capacity(), commissioned, null, status.name(), since);
        }

        /** The demo account's enterprise: a steel works in 涪陵 with one blast furnace under 400 m3. */
        EnterpriseRow demoEnterprise() {
            LocalDate established = LocalDate.of(2016, 5, 18);
            EnterpriseDraft e = new EnterpriseDraft(DEMO_USCC, "重庆涪陵示范钢铁有限公司", "500102", List.of("STEEL", "COKING"),
                    "重庆市涪陵区李渡街道聚龙大道88号", "陈建国", null, List.of(),
                    List.of(codes.gridAccount(0, 0, "500102"), codes.gridAccount(0, 1, "500102")), "OPERATING", established,
                    null);
            LocalDate start = LocalDate.of(2017, 3, 1);
            List<EquipmentDraft> q = List.of(
                    demo("BF-01", "BLAST_FURNACE", start, "PIG_IRON", 950000, "volume_m3", "1080", "purpose", "GENERAL"),
                    demo("BF-02", "BLAST_FURNACE", start, "PIG_IRON", 300000, "volume_m3", "380", "purpose", "GENERAL"),
                    demo("SP-01", "SINTER_MACHINE", start, "PIG_IRON", 1000000, "area_m2", "132"),
                    demo("BOF-01", "CONVERTER", start.plusMonths(2), "CRUDE_STEEL", 1000000, "nominal_t", "80"),
                    demo("CO-01", "COKE_OVEN", start, "COKE", 560000, "chamber_height_m", "4.3", "charging", "TOP"),
                    demo("RM-01", "ROLLING_MILL", start.plusMonths(4), "STEEL_PRODUCTS", 1200000, "mill_type", "MODERN"));
            return new EnterpriseRow(e, q, established, false);
        }

        private EquipmentDraft demo(String code, String type, LocalDate commissioned, String product, long capacity,
                String... parameters) {
            Map<String, Object> p = new LinkedHashMap<>();
            for (int i = 0; i < parameters.length; i += 2) {
                String v = parameters[i + 1];
                p.put(parameters[i], Character.isDigit(v.charAt(0)) ? new BigDecimal(v) : v);
            }
            return new EquipmentDraft(code, "L1", type, Collections.unmodifiableMap(p), product,
                    BigDecimal.valueOf(capacity), commissioned, null, "OPERATING", commissioned);
        }

        private LocalDate between(LocalDate from, LocalDate to) {
            return from.plusDays(rng.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
        }

        /** Skewed towards {@code from}: backward equipment and traditional trades tend to be old. */
        private LocalDate earlier(LocalDate from, LocalDate to) {
            LocalDate a = between(from, to);
            LocalDate b = between(from, to);
            return a.isBefore(b) ? a : b;
        }

        /** The status whose upper bound (a percentage, bounds ascending) first exceeds {@code x}. */
        private EquipmentStatus pick(int x, Object... boundsAndStatuses) {
            for (int i = 0; i < boundsAndStatuses.length; i += 2) {
                if (x < (Integer) boundsAndStatuses[i]) {
                    return (EquipmentStatus) boundsAndStatuses[i + 1];
                }
            }
            throw new IllegalStateException();
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
