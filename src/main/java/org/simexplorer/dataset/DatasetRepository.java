package org.simexplorer.dataset;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface DatasetRepository extends ListCrudRepository<Dataset, Long> {

    List<Dataset> findAllByOrderByIdAsc();
}
