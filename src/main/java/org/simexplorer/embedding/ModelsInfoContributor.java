package org.simexplorer.embedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.embedding.LoadedModels.ModelState;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** /actuator/info's "models": the default model, the ones in memory and the ones still loading. */
@Component
class ModelsInfoContributor implements InfoContributor {

    private final LoadedModels models;

    ModelsInfoContributor(LoadedModels models) {
        this.models = models;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, ModelState> states = models.states();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("default", models.defaultModel());
        info.put("loaded", having(states, ModelState.LOADED));
        info.put("loading", having(states, ModelState.LOADING));
        info.put("failed", having(states, ModelState.FAILED));
        builder.withDetail("models", info);
    }

    private static List<String> having(Map<String, ModelState> states, ModelState wanted) {
        return states.entrySet().stream().filter(e -> e.getValue() == wanted).map(Map.Entry::getKey).toList();
    }
}
