INSERT INTO settings (id, theme, volume, language) VALUES (1, 'light', 3, 'fr');
