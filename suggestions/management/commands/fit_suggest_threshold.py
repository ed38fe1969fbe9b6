"""How the abstention thresholds in suggestions/ranking.py were chosen: on the TRAIN split of labelled client
messages only (the dev set has no `none` messages there, so the thresholds keep a share of the answerable ones
shown instead of being fitted against unanswerable ones). Prints the percentile of the best meaning and, for a
few whole-score thresholds, the share of train messages that would still be shown; and the learning floors:
how close two train messages answered by different phrases get (95th and 99th percentile)."""
import json
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from phrases.errors import ImportRejected
from phrases.search.live_index import live_index
from phrases.services import library_import
from suggestions import ranking
from suggestions.engine.encoder import load_encoder
from suggestions.engine.masking import mask_personal_data
from suggestions.management.commands.eval_suggest import EVAL_DIR
from suggestions.out_of_scope import EXAMPLES_PATH, example_messages
from suggestions.selectors import rank_candidates, rank_message

TRANSLATION = 0.6  # examples this close to each other are one message in several languages


class Command(BaseCommand):
    help = "Show how the abstention thresholds follow from the train split (run on a fresh database)."

    def add_arguments(self, parser):
        parser.add_argument("--library", default=str(EVAL_DIR / "dev_library.json"))
        parser.add_argument("--messages", default=str(EVAL_DIR / "dev_client_messages.jsonl"))
        parser.add_argument("--keep", type=float, default=0.92, help="share of train messages to keep shown")

    def handle(self, *args, library, messages, keep, **options):
        try:
            library_import(json.loads(Path(library).read_text(encoding="utf-8")), actor=None)
        except (OSError, ImportRejected) as error:
            raise CommandError(str(error)) from None
        rows = [json.loads(line) for line in Path(messages).read_text(encoding="utf-8").splitlines() if line.strip()]
        train = [row for row in rows if row["split"] == "train" and row["kind"] == "reply"]
        index = live_index.current()
        best = []
        for row in train:
            candidates, with_model = rank_candidates(index, row["message"], row["lang"])
            if not with_model:
                raise CommandError("The sentence model is not available.")
            best.append((max((c.meaning for c in candidates.values()), default=0.0),
                         max((c.score for c in candidates.values()), default=0.0)))
        meaning = np.array([b[0] for b in best])
        fitted = float(np.percentile(meaning, 100 * (1 - keep)))
        self.stdout.write(f"{len(train)} train messages; best meaning at the {100 * (1 - keep):.0f}th percentile: "
                          f"{fitted:.3f} (in use: {ranking.MEANING_THRESHOLD})")
        for threshold in (0.15, 0.16, 0.17, 0.18, 0.19, 0.20):
            shown = np.mean([m >= ranking.MEANING_THRESHOLD and s >= threshold for m, s in best])
            self.stdout.write(f"  whole-score threshold {threshold:.2f}: {shown:.3f} of train messages shown")
        self._out_of_scope(index, train)
        self._learning_floors(train)

    def _out_of_scope(self, index, train):
        """The abstention pair (MEANING_THRESHOLD, OUT_OF_SCOPE_MARGIN): for each, the share of train messages
        shown and of the out-of-scope examples left empty, each example compared with the others less than
        TRANSLATION close to it (its own translations left out, so it is judged as an unseen message)."""
        encoder = load_encoder()
        examples = example_messages()
        example_vectors = encoder.encode(examples)
        example_language = [json.loads(line)["lang"] for line in
                            EXAMPLES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]

        def signals(message, language, leave_out=None):
            candidates, _with_model, out_of_scope = rank_message(index, message, language)
            if leave_out is not None:
                similarities = example_vectors @ example_vectors[leave_out]
                out_of_scope = float(np.max(np.where(similarities < TRANSLATION, example_vectors @ encoder.encode_one(
                    message), -1.0)))
            return (max((c.meaning for c in candidates.values()), default=0.0),
                    max((c.score for c in candidates.values()), default=0.0), out_of_scope)

        shown_rows = [signals(row["message"], row["lang"]) for row in train]
        empty_rows = [signals(message, language, number)
                      for number, (message, language) in enumerate(zip(examples, example_language))]

        def passes(row, meaning, margin):
            best, whole, out_of_scope = row
            return best >= meaning and best >= out_of_scope - margin and whole >= ranking.THRESHOLD

        self.stdout.write(f"{len(examples)} out-of-scope examples (in use: MEANING_THRESHOLD {ranking.MEANING_THRESHOLD},"
                          f" OUT_OF_SCOPE_MARGIN {ranking.OUT_OF_SCOPE_MARGIN}):")
        for meaning in (0.0, 0.12, 0.146):
            for margin in (0.15, 0.18, 0.2, 0.22, 0.25, 10.0):
                shown = np.mean([passes(row, meaning, margin) for row in shown_rows])
                empty = np.mean([not passes(row, meaning, margin) for row in empty_rows])
                self.stdout.write(f"  meaning ≥ {meaning:.3f}, margin {margin:5.2f}: {shown:.3f} of train messages "
                                  f"shown, {empty:.3f} of the examples left empty")

    def _learning_floors(self, train):
        """Picks are learned from masked messages (suggestions/services.py): the same text is compared here."""
        vectors = load_encoder().encode([mask_personal_data(row["message"]) for row in train])
        similarities = vectors @ vectors.T
        unrelated = [float(similarities[i, j]) for i in range(len(train)) for j in range(i + 1, len(train))
                     if train[i]["lang"] == train[j]["lang"] and train[i]["expect"][0] != train[j]["expect"][0]]
        self.stdout.write(f"{len(unrelated)} pairs of train messages in one language answered by different phrases: "
                          f"95th percentile of their similarity {np.percentile(unrelated, 95):.3f} "
                          f"(LEARN_FLOOR in use: {ranking.LEARN_FLOOR}), 99th {np.percentile(unrelated, 99):.3f} "
                          f"(LEARN_SURE in use: {ranking.LEARN_SURE})")
