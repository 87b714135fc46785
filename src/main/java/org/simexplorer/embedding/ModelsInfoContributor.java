package org.simexplorer.embedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.embedding.DjlSentenceEmbedder.ModelState;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** /actuator/info's "models": the default model, the ones in memory and the ones still loading. */
@Component
class ModelsInfoContributor implements InfoContributor {

    private final DjlSentenceEmbedder embedder;

    ModelsInfoContributor(DjlSentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, ModelState> states = embedder.states();
        Map<String, Object> models = new LinkedHashMap<>();
        models.put("default", embedder.defaultModel());
        models.put("loaded", having(states, ModelState.LOADED));
        models.put("loading", having(states, ModelState.LOADING));
        models.put("failed", having(states, ModelState.FAILED));
        builder.withDetail("models", models);
    }

    private static List<String> having(Map<String, ModelState> states, ModelState wanted) {
        return states.entrySet().stream().filter(e -> e.getValue() == wanted).map(Map.Entry::getKey).toList();
    }
}
