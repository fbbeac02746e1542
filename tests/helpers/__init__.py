"""What several test modules share: paths and configs, generated corpora and indexes, the
newsdesk command in a subprocess or a pseudo-terminal, and Pilot steps. Test modules import
from here, never from each other."""
