-- Knowledge base: answers per category (and optionally per product) in zh-CN and en, the revision
-- counter every app instance polls to rebuild its search index, and the deflections ("this solved
-- it") per article.

CREATE TABLE kb_article (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_code  VARCHAR(32)   NOT NULL,
  product_id     BIGINT        NULL,
  title_zh       VARCHAR(200)  NOT NULL,
  body_zh        TEXT          NOT NULL,
  title_en       VARCHAR(200)  NOT NULL,
  body_en        TEXT          NOT NULL,
  -- comma-separated, each keyword without commas (see Article.MAX_KEYWORDS)
  keywords       VARCHAR(1000) NOT NULL DEFAULT '',
  published      BOOLEAN       NOT NULL,
  archived_at    DATETIME(3)   NULL,
  sort_weight    INT           NOT NULL DEFAULT 0,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  version        INT           NOT NULL DEFAULT 0,
  CONSTRAINT fk_kb_article_category FOREIGN KEY (category_code) REFERENCES category (code),
  CONSTRAINT fk_kb_article_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT ck_kb_article_archived CHECK (archived_at IS NULL OR published = FALSE),
  CONSTRAINT ck_kb_article_weight CHECK (sort_weight BETWEEN -1000 AND 1000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- the search index loads the published articles; staff list by category (and product)
CREATE INDEX ix_kb_article_published ON kb_article (published, category_code);
CREATE INDEX ix_kb_article_category_product ON kb_article (category_code, product_id);
CREATE INDEX ix_kb_article_product ON kb_article (product_id);

-- One row, advanced in the transaction of every article change. App instances compare it (at
-- most once a second) with the revision their in-memory search index was built from.
CREATE TABLE kb_revision (
  id        TINYINT NOT NULL PRIMARY KEY,
  revision  BIGINT  NOT NULL,
  CONSTRAINT ck_kb_revision_single CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO kb_revision (id, revision) VALUES (1, 0);

-- A buyer said an article solved their problem (no ticket). One row per article and after-sales
-- session: a repeated click counts once. The count per article tells staff which answers help.
CREATE TABLE kb_deflection (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  article_id     BIGINT       NOT NULL,
  session_id     VARCHAR(64)  NOT NULL,
  order_no       VARCHAR(64)  NULL,
  category_code  VARCHAR(32)  NOT NULL,
  language       VARCHAR(8)   NOT NULL,
  channel        VARCHAR(16)  NOT NULL,
  mode           VARCHAR(16)  NULL,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT uq_kb_deflection_session UNIQUE (article_id, session_id),
  CONSTRAINT fk_kb_deflection_article FOREIGN KEY (article_id) REFERENCES kb_article (id),
  CONSTRAINT fk_kb_deflection_category FOREIGN KEY (category_code) REFERENCES category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_kb_deflection_created ON kb_deflection (created_at);
