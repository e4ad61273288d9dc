"""Storage: the Chroma vector store, the lexical index, and the embedders that feed them."""
