package org.simexplorer.system;

import static org.simexplorer.system.BadInputCatalogueTest.ADAPTER;
import static org.simexplorer.system.BadInputCatalogueTest.ID;
import static org.simexplorer.system.BadInputCatalogueTest.MISSING;
import static org.simexplorer.system.BadInputCatalogueTest.TAKEN;
import static org.simexplorer.system.BadInputCatalogueTest.UNLABELLED;
import static org.simexplorer.system.BadInputCatalogueTest.json;
import static org.simexplorer.system.BadInputCatalogueTest.raw;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.simexplorer.system.BadInputCatalogueTest.Case;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalogue's rows for adapter training and adapter export: each a 4xx problem detail that names the field
 * where there is one, with nothing saved. The catalogue's labelled dataset has one positive and one negative
 * pair, too few to split, so a request that passes every other check ends in the 422 before anything is saved.
 */
final class TrainingBadInput {

    private TrainingBadInput() {
    }

    /** Stores an adapter whose training failed, as a stopped process leaves it; returns its id. */
    static long failedAdapter(JdbcClient jdbc, long datasetId, String name) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO adapters (dataset_id, base_model, name, loss, params, rank_form, steps, learning_rate,
                    regularization, validation_fraction, split_seed, train_pairs, validation_pairs, left_out_pairs,
                    status, step, curve, failure, dimension, output_dimension, created_at, updated_at)
                VALUES (?, 'all-minilm-l6-v2', ?, 'cosent', '{}', 'full', 10, 0.001, 0.001, 0.2, 0, 1, 1, 0,
                    'failed', 0, '[]', 'Interrupted', 384, 384, ?, ?)""").params(datasetId, name, now, now).update();
        return jdbc.sql("SELECT id FROM adapters WHERE name = ?").param(name).query(Long.class).single();
    }

    private static String body(String more) {
        return "{\"name\":\"fresh\",\"loss\":\"cosent\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    static void cases(List<Case> c) {
        String p = "/api/datasets/" + ID + "/adapters";
        c.add(json("train: steps 0", "POST", p, body("\"steps\":0"), 400).naming("steps"));
        c.add(json("train: steps 100,001", "POST", p, body("\"steps\":100001"), 400).naming("steps"));
        c.add(json("train: steps a fraction", "POST", p, body("\"steps\":1.5"), 400).naming("steps"));
        c.add(json("train: seed a fraction", "POST", p, body("\"seed\":0.5"), 400).naming("seed"));
        c.add(json("train: learning rate 0", "POST", p, body("\"learningRate\":0"), 400).naming("learningRate"));
        c.add(json("train: learning rate negative", "POST", p, body("\"learningRate\":-0.001"), 400)
                .naming("learningRate"));
        c.add(json("train: learning rate \"NaN\"", "POST", p, body("\"learningRate\":\"NaN\""), 400)
                .naming("learningRate"));
        c.add(json("train: learning rate \"Infinity\"", "POST", p, body("\"learningRate\":\"Infinity\""), 400)
                .naming("learningRate"));
        c.add(json("train: regularization 0", "POST", p, body("\"regularization\":0"), 400).naming("regularization"));
        c.add(json("train: regularization negative", "POST", p, body("\"regularization\":-1"), 400)
                .naming("regularization"));
        c.add(json("train: rank 0", "POST", p, body("\"rank\":0"), 400).naming("rank"));
        c.add(json("train: rank past the dimension", "POST", p, body("\"rank\":385"), 400).naming("rank"));
        c.add(json("train: rank a word", "POST", p, body("\"rank\":\"tall\""), 400).naming("rank"));
        c.add(json("train: validation share 1", "POST", p, body("\"validationFraction\":1"), 400)
                .naming("validationFraction"));
        c.add(json("train: name with capitals and a space", "POST", p,
                "{\"name\":\"Bad Name\",\"loss\":\"cosent\"}", 400).naming("name"));
        c.add(json("train: name of 41 characters", "POST", p, "{\"name\":\"" + "a".repeat(41)
                + "\",\"loss\":\"cosent\"}", 400).naming("name"));
        c.add(json("train: no name", "POST", p, "{\"loss\":\"cosent\"}", 400).naming("name"));
        c.add(json("train: unknown loss", "POST", p, "{\"name\":\"fresh\",\"loss\":\"no-such-loss\"}", 404));
        c.add(json("train: unknown loss parameter", "POST", p, body("\"params\":{\"nope\":1}"), 400));
        c.add(json("train: unknown dataset", "POST", "/api/datasets/" + MISSING + "/adapters", body(""), 404));
        c.add(json("train: a name already taken", "POST", p, "{\"name\":\"" + TAKEN + "\",\"loss\":\"cosent\"}", 409)
                .naming("name"));
        c.add(json("train: too few labelled pairs to split", "POST", p, body(""), 422).naming("labels"));
        c.add(json("train: no labels at all", "POST", "/api/datasets/" + UNLABELLED + "/adapters", body(""), 422)
                .naming("labels"));
        c.add(json("train: malformed", "POST", p, "{\"name\":", 400));
        c.add(raw("train: text/plain", "POST", p, "text/plain", "name=x", 415));
        c.add(raw("train list: missing dataset", "GET", "/api/datasets/" + MISSING + "/adapters", null, null, 404));
        c.add(raw("adapter: unknown", "GET", "/api/adapters/" + MISSING, null, null, 404));
        c.add(raw("adapter: id not a number", "GET", "/api/adapters/abc", null, null, 400));
        c.add(raw("adapter delete: unknown", "DELETE", "/api/adapters/" + MISSING, null, null, 404));
        c.add(raw("adapter export: unknown adapter", "GET", "/api/adapters/" + MISSING + "/export", null, null, 404));
        c.add(raw("adapter export: id not a number", "GET", "/api/adapters/abc/export", null, null, 400));
        c.add(raw("adapter export: a failed training has no weights", "GET", "/api/adapters/" + ADAPTER + "/export",
                null, null, 409));
    }
}
