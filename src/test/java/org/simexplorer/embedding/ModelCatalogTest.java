package org.simexplorer.embedding;

import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.DomainException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    private static EmbeddingProperties properties(String customDir) {
        return new EmbeddingProperties(null, null, null, null, null, customDir, null);
    }

    @Test
    void listsTheBuiltInModelsWithTheirPooling() {
        ModelCatalog catalog = new ModelCatalog(properties(""));
        assertThat(catalog.ids()).containsExactly("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v1.5",
                "bge-small-zh-v1.5");
        assertThat(catalog.find(null).id()).isEqualTo("all-minilm-l6-v2");
        assertThat(catalog.find("bge-small-zh-v1.5").pooling()).isEqualTo(Pooling.CLS);
        assertThat(catalog.find("bge-small-zh-v1.5").dimension()).isEqualTo(512);
        assertThat(catalog.find("bge-small-en-v1.5").maxTokens()).isEqualTo(512);
    }

    @Test
    void unknownIdIsA404ListingTheKnownIds() {
        ModelCatalog catalog = new ModelCatalog(properties(null));
        assertThatThrownBy(() -> catalog.find("gpt-9"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e).isInstanceOf(NotFoundException.class);
                    assertThat(e.getMessage()).contains("gpt-9").contains("all-minilm-l6-v2");
                    assertThat(e.properties()).containsKey("knownModels");
                });
    }

    @Test
    void readsACustomModelFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model.onnx"), "x");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("model.properties"),
                "id=my-bert\npooling=cls\nmaxTokens=128\ndimension=768\nlanguages=en, de\n");
        ModelCatalog catalog = new ModelCatalog(properties(dir.toString()));
        ModelSpec spec = catalog.find("my-bert");
        assertThat(spec.pooling()).isEqualTo(Pooling.CLS);
        assertThat(spec.maxTokens()).isEqualTo(128);
        assertThat(spec.dimension()).isEqualTo(768);
        assertThat(spec.languages()).containsExactly("en", "de");
        assertThat(spec.source()).isEqualTo(new ModelSpec.Folder(dir));
    }

    @Test
    void customFolderWithoutItsDescriptorFailsClearly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model.onnx"), "x");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        assertThatThrownBy(() -> new ModelCatalog(properties(dir.toString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("model.properties");
    }

    @Test
    void customDescriptorWithBadPoolingFailsClearly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model.onnx"), "x");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("model.properties"), "id=m\npooling=max\nmaxTokens=128\ndimension=8\n");
        assertThatThrownBy(() -> new ModelCatalog(properties(dir.toString())))
                .hasMessageContaining("max");
    }
}
