package org.capgov.capacity.utilisation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.springframework.stereotype.Service;

/** Utilisation of a product in a region subtree over a period, within the caller's scope. */
@Service
public class UtilisationService {

    private final CapacityFigures figures;
    private final RegionService regions;

    UtilisationService(CapacityFigures figures, RegionService regions) {
        this.figures = figures;
        this.regions = regions;
    }

    public Utilisation of(String product, String region, String period) {
        Product p = product(product);
        Region r = region(region);
        Period pd = Period.parse(period);
        DataScope scope = Actors.scope();
        if (!scope.coversRegion(r.path())) {
            throw DomainException.forbidden("error.region.outsideScope", r.code());
        }
        return rollUp(p, r, pd, figures.byRegionPath(p, r.path(), pd, scope));
    }

    /** The figures of {@code region} from per-path sums (those outside its subtree are ignored). */
    public static Utilisation rollUp(Product p, Region r, Period pd, List<CapacityFigures.RegionSums> sums) {
        BigDecimal capacity = BigDecimal.ZERO;
        BigDecimal output = BigDecimal.ZERO;
        BigDecimal missing = BigDecimal.ZERO;
        long enterprises = 0;
        long reporting = 0;
        for (CapacityFigures.RegionSums s : sums) {
            if (s.regionPath().startsWith(r.path())) {
                capacity = capacity.add(s.capacity());
                output = output.add(s.output());
                missing = missing.add(s.missingCapacity());
                enterprises += s.enterprises();
                reporting += s.reportingEnterprises();
            }
        }
        return Utilisation.of(p.name(), r.code(), r.name(), pd.code(), p.unit(), capacity, output, enterprises, reporting,
                missing);
    }

    /** Utilisation of {@code region} and of each region directly below it, in one pass over the figures. */
    public List<Utilisation> withChildren(String product, String region, String period) {
        Product p = product(product);
        Region r = region(region);
        Period pd = Period.parse(period);
        DataScope scope = Actors.scope();
        if (!scope.coversRegion(r.path())) {
            throw DomainException.forbidden("error.region.outsideScope", r.code());
        }
        List<CapacityFigures.RegionSums> sums = figures.byRegionPath(p, r.path(), pd, scope);
        List<Utilisation> out = new ArrayList<>();
        out.add(rollUp(p, r, pd, sums));
        for (Region child : regions.subtree(r.code())) {
            if (r.code().equals(child.parentCode()) && child.open()) {
                out.add(rollUp(p, child, pd, sums));
            }
        }
        return out;
    }

    public static Product product(String product) {
        try {
            return Product.valueOf(product == null ? "" : product.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("product", "error.capacity.unknownProduct", product);
        }
    }

    Region region(String region) {
        if (region == null || region.isBlank()) {
            throw DomainException.invalid("region", "error.request.missingParameter", "region");
        }
        try {
            return regions.get(region.trim());
        } catch (DomainException e) {
            throw DomainException.invalid("region", "error.region.notFound", region);
        }
    }
}
