"""Loads the Similarity Explorer adapter "{{ADAPTER_ID}}" onto its base model as sentence-transformers modules.

The adapter is W ({{D}}x{{K}}): each embedding e becomes e.W, then unit length. adapter.safetensors holds it as
"linear.weight" of shape {{K}}x{{D}}, the layout torch.nn.Linear uses.

Run:
    pip install "sentence-transformers>=3.0" safetensors
    python load_adapter.py {{USAGE_MODEL}}[--save DIR]
"""
import argparse
import os

import torch
from safetensors.torch import load_file
from sentence_transformers import SentenceTransformer
from sentence_transformers.models import Dense, Normalize

# The base model by its Hugging Face id; None when it has none (then give its path).
BASE_MODEL = {{BASE_MODEL}}
{{MODEL_NOTE}}
HERE = os.path.dirname(os.path.abspath(__file__))


def with_adapter(base):
    model = SentenceTransformer(base)
    dense = Dense({{D}}, {{K}}, bias=False, activation_function=torch.nn.Identity())
    # The file's only tensor is "linear.weight", the key Dense's own state dict uses.
    dense.load_state_dict(load_file(os.path.join(HERE, "adapter.safetensors")))
    model.append(dense)
    model.append(Normalize())
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    if BASE_MODEL is None:
        parser.add_argument("model", help="path or Hugging Face id of the base model")
    else:
        parser.add_argument("model", nargs="?", default=BASE_MODEL, help="the base model (default: %(default)s)")
    parser.add_argument("--save", help="save the model with its adapter to this folder")
    args = parser.parse_args()
    model = with_adapter(args.model)
    print(model)
    if args.save:
        model.save(args.save)
        print("saved to", args.save)


if __name__ == "__main__":
    main()
