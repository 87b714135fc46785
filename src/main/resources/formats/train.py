"""Fine-tunes a sentence-transformers model on pairs labelled in Similarity Explorer.

Dataset: {{DATASET_LITERAL}} ({{TRAIN_PAIRS}} training pairs, {{VALIDATION_PAIRS}} validation pairs; split seed
{{SEED}}, validation fraction {{VALIDATION_FRACTION}}, the same by-sentence split as adapter training).
Loss in Similarity Explorer: {{OUR_LOSS}} {{OUR_PARAMS}}

Run:
    pip install -r requirements.txt
    python train.py {{USAGE_MODEL}}[--output DIR] [--epochs N] [--batch-size N] [--learning-rate LR]
"""
import argparse

from datasets import load_dataset
from sentence_transformers import (
    SentenceTransformer,
    SentenceTransformerTrainer,
    SentenceTransformerTrainingArguments,
    losses,
)
from sentence_transformers.evaluation import BinaryClassificationEvaluator

# The model the dataset was embedded with, by its Hugging Face id; None when it has none (then give a path).
BASE_MODEL = {{BASE_MODEL}}
{{MODEL_NOTE}}
SEED = {{SEED}}
LABEL_COLUMN = "{{LABEL_COLUMN}}"


def make_loss(model):
{{LOSS_CODE}}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    if BASE_MODEL is None:
        parser.add_argument("model", help="path or Hugging Face id of the model to fine-tune")
    else:
        parser.add_argument("model", nargs="?", default=BASE_MODEL,
                            help="path or Hugging Face id of the model to fine-tune (default: %(default)s)")
    parser.add_argument("--output", default="output/{{OUTPUT_NAME}}", help="where the trained model goes")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--learning-rate", type=float, default=2e-5)
    args = parser.parse_args()

    model = SentenceTransformer(args.model)
    data = load_dataset("json", data_files={"train": "train.jsonl", "validation": "validation.jsonl"})
    train = data["train"]
    validation = data["validation"]
{{TRAIN_FILTER}}
    evaluator = BinaryClassificationEvaluator(
        sentences1=validation["sentence1"],
        sentences2=validation["sentence2"],
        labels=[int(round(value)) for value in validation[LABEL_COLUMN]],
        name="validation",
    )
    print("before training:", evaluator(model))

    training_args = SentenceTransformerTrainingArguments(
        output_dir=args.output,
        num_train_epochs=args.epochs,
        per_device_train_batch_size=args.batch_size,
        learning_rate=args.learning_rate,
        seed=SEED,
        logging_steps=10,
        save_strategy="no",
        report_to="none",
    )
    trainer = SentenceTransformerTrainer(
        model=model,
        args=training_args,
        train_dataset=train,
        loss=make_loss(model),
        evaluator=evaluator,
    )
    trainer.train()
    print("after training:", evaluator(model))
    model.save(args.output)
    print("saved to", args.output)


if __name__ == "__main__":
    main()
