package org.capgov.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.capgov.identity.SystemActor;
import org.capgov.region.RegionService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.ParameterSpec;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.springframework.stereotype.Service;

/**
 * The public face of the register: search and one enterprise with its equipment, for anyone. The public sees every
 * registered enterprise, so nothing here takes the caller's data scope; what it sees is narrowed by the projection
 * ({@link PublicEnterprise}) instead.
 */
@Service
public class PublicEnterpriseDirectory {

    public static final int PAGE_SIZE = 20;

    private final PublicEnterpriseRepository enterprises;
    private final EquipmentService equipment;
    private final RegionService regions;

    PublicEnterpriseDirectory(PublicEnterpriseRepository enterprises, EquipmentService equipment, RegionService regions) {
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.regions = regions;
    }

    public record Search(String text, String region, String industry, int page) {
    }

    public record Result(Search search, List<PublicEnterprise> rows, long total, boolean totalCapped, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    public Result search(Search s) {
        String regionPath = null;
        if (s.region() != null && !s.region().isBlank()) {
            regionPath = regions.get(s.region().trim()).path();
        }
        String industry = null;
        if (s.industry() != null && !s.industry().isBlank()) {
            try {
                industry = Industry.valueOf(s.industry().trim().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("industry", "error.public.industry", s.industry());
            }
        }
        int page = Math.max(0, s.page());
        PublicEnterpriseRepository.Page found = enterprises.search(s.text(), regionPath, industry, page, PAGE_SIZE);
        return new Result(new Search(s.text(), s.region(), industry, page), found.rows(), found.total(),
                found.totalCapped(), PAGE_SIZE);
    }

    public PublicEnterprise get(String uscc) {
        String code = normalise(uscc);
        return enterprises.find(code).orElseThrow(() -> DomainException.notFound("error.public.enterpriseNotFound", code));
    }

    /** The enterprise's equipment, dismantled and transferred items included: their status is public too. */
    public List<PublicEnterprise.Equipment> equipment(String uscc) {
        // the registry's equipment reader is scoped; the public may read every enterprise's equipment
        List<Equipment> items = SystemActor.call(() -> equipment.of(normalise(uscc)));
        List<PublicEnterprise.Equipment> out = new ArrayList<>(items.size());
        for (Equipment q : items) {
            List<PublicEnterprise.Parameter> parameters = new ArrayList<>();
            for (ParameterSpec spec : q.type().parameters()) {
                Object value = q.parameters() == null ? null : q.parameters().get(spec.code());
                if (value != null) {
                    parameters.add(new PublicEnterprise.Parameter(spec.code(), spec.kind().name(), value,
                            spec.kind() == ParameterSpec.Kind.NUMBER ? spec.unit() : null));
                }
            }
            out.add(new PublicEnterprise.Equipment(q.code(), q.type().name(), parameters, q.product().name(),
                    q.annualCapacity(), q.unit(), q.commissioned(), q.status().name(), q.statusSince()));
        }
        return out;
    }

    static String normalise(String uscc) {
        String code = uscc == null ? "" : uscc.trim().toUpperCase(Locale.ROOT);
        if (code.length() != 18) {
            throw DomainException.notFound("error.public.enterpriseNotFound", code);
        }
        return code;
    }
}
