"""A\u00f1adir \u00edndice \\ con \"comillas\" y café

Revision ID: a1b2c3d4e5f6
Revises: 8c7b6a5f4e3d
Create Date: 2024-04-04 04:04:04.040404

"""
revision = 'a1b2c3d4e5f6'
down_revision = '8c7b6a5f4e3d'
